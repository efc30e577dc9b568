package io.reelforge.domain.shared;

/** The account already has its quota of queued and processing jobs; says when to try again. */
public class TooManyInFlightException extends RateLimitedException {

    public TooManyInFlightException(int limit, long retryAfterSeconds) {
        super("concurrency_limit_exceeded",
                "This account already has " + limit + " video jobs queued or processing (its limit). "
                        + "Retry after " + retryAfterSeconds + " s, when one is expected to finish.", retryAfterSeconds);
    }
}
