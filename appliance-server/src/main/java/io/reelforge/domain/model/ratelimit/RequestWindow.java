package io.reelforge.domain.model.ratelimit;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One API key's fixed request window: it opens with the first request after the last one closed and counts the
 * requests made in it. A row, not memory, so that every node sharing the database counts against one window;
 * it is read with a row lock, so two nodes never both take the last request of a window.
 */
@Entity
@Table(name = "RF_REQUEST_WINDOW")
public class RequestWindow {

    /** What counting one request left: allowed or not, requests used in the window, when it closes. */
    public record Outcome(boolean allowed, int used, Instant closesAt) {
    }

    @Id
    @Column(length = 36)
    private String apiKeyId;

    @Column(nullable = false)
    private Instant windowStart;

    @Column(nullable = false)
    private int used;

    protected RequestWindow() {
    }

    /** A window that has not counted anything yet; the first {@link #count} opens it. */
    public RequestWindow(String apiKeyId) {
        this.apiKeyId = apiKeyId;
        this.windowStart = Instant.EPOCH;
    }

    /** Counts one request at {@code now} against {@code limit} requests per {@code length}; refused past it. */
    public Outcome count(Instant now, int limit, Duration length) {
        if (!now.isBefore(windowStart.plus(length))) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            return new Outcome(false, used, windowStart.plus(length));
        }
        used++;
        return new Outcome(true, used, windowStart.plus(length));
    }

    public String apiKeyId() {
        return apiKeyId;
    }
}
