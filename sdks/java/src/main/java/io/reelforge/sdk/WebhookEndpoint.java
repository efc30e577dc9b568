package io.reelforge.sdk;

import java.util.List;

/** An account's webhook endpoint; {@code secret} is set only in the answer to create. */
public record WebhookEndpoint(String id, String url, String description, List<String> events, String status,
                              String disabledReason, String createdAt, String secret) {
}
