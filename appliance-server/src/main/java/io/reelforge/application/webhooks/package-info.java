/**
 * Webhook use cases: managing an account's endpoints and signing key, writing the outbox when a generation
 * ends, and draining it (claim due deliveries, sign, send, record, retry or give up).
 */
package io.reelforge.application.webhooks;
