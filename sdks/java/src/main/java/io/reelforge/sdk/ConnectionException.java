package io.reelforge.sdk;

/** The appliance could not be reached or dropped the connection (after the retries). */
public class ConnectionException extends ReelforgeException {
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
