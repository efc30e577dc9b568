package io.reelforge.sdk;

/** 429 left after the retries; retryAfter() says when to try again. */
public class RateLimitException extends ApiException {
    RateLimitException(ApiException e) {
        super(e);
    }
}
