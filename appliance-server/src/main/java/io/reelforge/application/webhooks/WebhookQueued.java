package io.reelforge.application.webhooks;

/** Fired when deliveries were written; observed after commit to send them at once. */
public record WebhookQueued() {
}
