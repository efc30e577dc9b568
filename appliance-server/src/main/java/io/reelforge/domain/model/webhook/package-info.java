/**
 * Webhooks: an account's endpoints (URL, event filter, signing secrets with a rotation grace period), the
 * account's signing key for per-generation {@code webhook_url}s, and the outbox of deliveries with their
 * attempts. Retry, give-up and disable decisions live in {@link io.reelforge.domain.model.webhook.WebhookDelivery}.
 */
package io.reelforge.domain.model.webhook;
