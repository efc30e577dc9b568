package io.reelforge.domain.shared;

/** What kind of failure, as the API's {@code error.type}, and the HTTP status it maps to. */
public enum ErrorType {
    INVALID_REQUEST("invalid_request_error", 400),
    VALIDATION("invalid_request_error", 422),
    AUTHENTICATION("authentication_error", 401),
    INSUFFICIENT_CREDITS("billing_error", 402),
    PERMISSION("permission_error", 403),
    NOT_FOUND("not_found_error", 404),
    CONFLICT("conflict_error", 409),
    GONE("gone_error", 410),
    PAYLOAD_TOO_LARGE("invalid_request_error", 413),
    UNSUPPORTED_MEDIA_TYPE("invalid_request_error", 415),
    RANGE_NOT_SATISFIABLE("invalid_request_error", 416),
    RATE_LIMITED("rate_limit_error", 429),
    INTERNAL("api_error", 500),
    UNAVAILABLE("api_error", 503);

    private final String wireName;
    private final int httpStatus;

    ErrorType(String wireName, int httpStatus) {
        this.wireName = wireName;
        this.httpStatus = httpStatus;
    }

    public String wireName() {
        return wireName;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
