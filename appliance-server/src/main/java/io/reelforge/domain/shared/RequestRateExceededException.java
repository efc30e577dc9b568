package io.reelforge.domain.shared;

/** The API key made its plan's number of requests in the current minute. */
public class RequestRateExceededException extends RateLimitedException {

    public RequestRateExceededException(int limit, long retryAfterSeconds) {
        super("rate_limit_exceeded", "This API key made its " + limit + " requests of the current minute (its plan's "
                + "request rate). Retry after " + retryAfterSeconds + " s.", retryAfterSeconds);
    }
}
