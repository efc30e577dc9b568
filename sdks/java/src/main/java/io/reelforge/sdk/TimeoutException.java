package io.reelforge.sdk;

/** An HTTP attempt ran out of time, or {@code waitFor}'s timeout passed before the job ended. */
public class TimeoutException extends ReelforgeException {
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
