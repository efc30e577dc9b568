package io.reelforge.domain.shared;

/** The account already has its quota of queued and processing jobs; says when to try again. */
public class TooManyInFlightException extends ReelforgeException {

    private final long retryAfterSeconds;

    public TooManyInFlightException(int limit, long retryAfterSeconds) {
        super(ErrorType.RATE_LIMITED, "concurrency_limit_exceeded",
                "This account already has " + limit + " video jobs queued or processing (its limit). "
                        + "Retry after " + retryAfterSeconds + " s, when one is expected to finish.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
