package io.reelforge.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * An expected failure that the caller should read: bad input, missing credits, a quota, an unknown id.
 * Unchecked, so a transactional service rolls back when one escapes it.
 */
@ApplicationException(rollback = true)
public class ReelforgeException extends RuntimeException {

    private final ErrorType type;
    private final String code;
    private final String param;

    public ReelforgeException(ErrorType type, String code, String message, String param) {
        super(message);
        this.type = type;
        this.code = code;
        this.param = param;
    }

    public ReelforgeException(ErrorType type, String code, String message) {
        this(type, code, message, null);
    }

    public ErrorType type() {
        return type;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    /** When the client may try again (a {@code Retry-After} header), for failures that pass with time. */
    public java.util.OptionalLong retryAfterSeconds() {
        return java.util.OptionalLong.empty();
    }

    public static ReelforgeException validation(String param, String code, String message) {
        return new ReelforgeException(ErrorType.VALIDATION, code, message, param);
    }

    public static ReelforgeException badRequest(String code, String message) {
        return new ReelforgeException(ErrorType.INVALID_REQUEST, code, message);
    }

    public static ReelforgeException notFound(String what, Object id) {
        return new ReelforgeException(ErrorType.NOT_FOUND, what + ".not_found", "No " + what + " with id " + id + ".");
    }

    public static ReelforgeException conflict(String code, String message) {
        return new ReelforgeException(ErrorType.CONFLICT, code, message);
    }
}
