package io.reelforge.sdk;

/** The root of every error this SDK throws. Messages never contain the API key or a webhook secret. */
public class ReelforgeException extends RuntimeException {
    public ReelforgeException(String message) {
        super(message);
    }

    public ReelforgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
