package io.reelforge.sdk;

/** A webhook delivery was refused by {@link Webhooks#verify}; the message says why, never the secret. */
public class WebhookVerificationException extends ReelforgeException {
    public WebhookVerificationException(String message) {
        super(message);
    }
}
