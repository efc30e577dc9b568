package io.reelforge.interfaces.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Webhooks as the API shows them (snake_case on the wire). Secrets appear only in the answers that create them. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    public record Endpoint(String id, String url, String description, List<String> events, String status,
                    String disabledReason, Instant createdAt) {
    }

    /** The answer to a create: the endpoint and its secret, shown this once. */
    public record CreatedEndpoint(String id, String url, String description, List<String> events, String status,
                           String disabledReason, Instant createdAt, String secret) {
    }

    public record Secret(String secret, Instant previousSecretValidUntil) {
    }

    public record Attempt(int number, Instant attemptedAt, Integer statusCode, String response, String error, long durationMs) {
    }

    @Schema(name = "Delivery", description = "One webhook message and its attempts.")
    public record Delivery(String id, String webhookId, String endpointId, String url, String eventType, String generationId,
                    String status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                    Instant createdAt, Instant finishedAt, List<Attempt> attemptLog) {
    }
}
