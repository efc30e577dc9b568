package io.reelforge.domain.model.webhook;

import java.time.Duration;

/**
 * What one attempt got back: an HTTP status with the start of the body, or a transport error (refused address,
 * timeout, connection failure) and no status. {@code retryAfter} is the receiver's Retry-After, if any.
 */
public record AttemptOutcome(Integer statusCode, String responseSnippet, String error, long durationMs, Duration retryAfter) {

    public static final int MAX_SNIPPET = 1000;

    public static AttemptOutcome response(int status, String body, long durationMs, Duration retryAfter) {
        String snippet = body == null ? null : body.length() > MAX_SNIPPET ? body.substring(0, MAX_SNIPPET) : body;
        return new AttemptOutcome(status, snippet, null, durationMs, retryAfter);
    }

    public static AttemptOutcome error(String error, long durationMs) {
        return new AttemptOutcome(null, null, error.length() > 500 ? error.substring(0, 500) : error, durationMs, null);
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410: the receiver asks never to be called again. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
