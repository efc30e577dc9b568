package io.reelforge.domain.model.ratelimit;

import java.time.Duration;
import java.time.Instant;

public interface RequestWindowRepository {

    /**
     * Counts one request of the key in its window, in a transaction of its own that holds the window's row lock
     * (made when the key has none yet). Two callers racing to make the first row: one fails, and counts again.
     */
    RequestWindow.Outcome count(String apiKeyId, Instant now, int limit, Duration length);
}
