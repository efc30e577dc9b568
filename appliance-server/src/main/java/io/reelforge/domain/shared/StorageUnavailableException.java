package io.reelforge.domain.shared;

import java.util.OptionalLong;

/** The output storage cannot take a new clip now (full, read-only, gone): 503 with when to try again. */
public class StorageUnavailableException extends ReelforgeException {

    private final long retryAfterSeconds;

    public StorageUnavailableException(String why, long retryAfterSeconds) {
        super(ErrorType.UNAVAILABLE, "storage_unavailable", "The appliance's output storage cannot take new clips now ("
                + why + "); nothing was charged. Retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
