package io.reelforge.domain.shared;

import java.util.OptionalLong;

/** The appliance is stopping and takes no new jobs (503); says when to try again. */
public class ShuttingDownException extends ReelforgeException {

    private final long retryAfterSeconds;

    public ShuttingDownException(long retryAfterSeconds) {
        super(ErrorType.UNAVAILABLE, "shutting_down", "The appliance is shutting down and takes no new jobs. "
                + "Retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public OptionalLong retryAfterSeconds() {
        return OptionalLong.of(retryAfterSeconds);
    }
}
