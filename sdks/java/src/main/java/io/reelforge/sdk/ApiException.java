package io.reelforge.sdk;

import java.time.Duration;
import java.util.Optional;

/** An error answer of the appliance: {@code {"error": {"type", "code", "message", "param"}}} and its status. */
public class ApiException extends ReelforgeException {
    private final int statusCode;
    private final String type;
    private final String code;
    private final String param;
    private final String requestId;
    private final Duration retryAfter;
    private final String apiMessage;

    public ApiException(int statusCode, String type, String code, String message, String param, String requestId,
                        Duration retryAfter) {
        super(statusCode + " " + code + ": " + message + (param == null ? "" : " (param " + param + ")"));
        this.statusCode = statusCode;
        this.type = type;
        this.code = code;
        this.param = param;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
        this.apiMessage = message;
    }

    ApiException(ApiException e) {
        this(e.statusCode, e.type, e.code, e.apiMessage(), e.param, e.requestId, e.retryAfter);
    }

    public int statusCode() { return statusCode; }
    public String type() { return type; }
    public String code() { return code; }
    /** The field the error is about, or null. */
    public String param() { return param; }
    public String requestId() { return requestId; }
    /** The answer's {@code Retry-After}, when it had one (429, 503). */
    public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

    /** The appliance's own message, without status and code. */
    public String apiMessage() { return apiMessage; }
}
