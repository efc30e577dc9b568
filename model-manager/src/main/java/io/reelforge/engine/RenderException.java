package io.reelforge.engine;

/**
 * A render that could not finish. {@code code} is the stable, user-visible error code
 * ({@code render.failed}, {@code render.timeout}, {@code render.canceled}, ...).
 */
public class RenderException extends Exception {

    private final String code;

    public RenderException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RenderException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
