package io.reelforge.sdk;

/** A new signing secret, shown this once; previousSecretValidUntil is null when nothing was replaced. */
public record WebhookSecret(String secret, String previousSecretValidUntil) {
}
