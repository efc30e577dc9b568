package io.reelforge.domain.shared;

import java.util.OptionalLong;

/**
 * A limit of the account's that time lifts: a 429 that says, in seconds, when trying again can succeed. The
 * seconds reach the client through {@link ReelforgeException#retryAfterSeconds()}, as every Retry-After does.
 */
public abstract class RateLimitedException extends ReelforgeException {

    private final long retryAfterSeconds;

    protected RateLimitedException(String code, String message, long retryAfterSeconds) {
        super(ErrorType.RATE_LIMITED, code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
