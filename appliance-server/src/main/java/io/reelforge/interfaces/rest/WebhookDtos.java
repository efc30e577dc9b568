package io.reelforge.interfaces.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Webhooks as the API shows them (snake_case on the wire). Secrets appear only in the answers that create them. */
public final class WebhookDtos {

    private WebhookDtos() {
    }

    private static final String ENDPOINT_ID = "we_8f3a1c2d4e5f60718293a4b5";
    private static final String URL = "https://cms.internal/hooks/reelforge";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Schema(name = "WebhookEndpoint", description = "An account's webhook endpoint; its secret is never shown again.")
    public record Endpoint(
            @Schema(name = "id", required = true, example = ENDPOINT_ID)
            String id,
            @Schema(name = "url", required = true, maxLength = 2000, example = URL)
            String url,
            @Schema(name = "description", required = true, nullable = true, maxLength = 200, example = "CMS")
            String description,
            @Schema(name = "events", required = true, type = SchemaType.ARRAY, implementation = String.class,
                    description = "The events it gets; empty: every event.", example = "[\"video.completed\", \"video.failed\"]")
            List<String> events,
            @Schema(name = "status", required = true, enumeration = {"active", "disabled"}, example = "active",
                    description = "disabled after the receiver answered 410 Gone; POST /v1/webhooks/{id}/enable turns it on.")
            String status,
            @Schema(name = "disabled_reason", required = true, nullable = true,
                    example = "The endpoint answered 410 Gone at 2026-11-25T21:00:00Z.")
            String disabledReason,
            @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time")
            Instant createdAt) {
    }

    /** The answer to a create: the endpoint and its secret, shown this once. */
    @Schema(name = "WebhookEndpointCreated", description = "The new endpoint and its signing secret, shown this once.")
    public record CreatedEndpoint(
            @Schema(name = "id", required = true, example = ENDPOINT_ID)
            String id,
            @Schema(name = "url", required = true, example = URL)
            String url,
            @Schema(name = "description", required = true, nullable = true, example = "CMS")
            String description,
            @Schema(name = "events", required = true, type = SchemaType.ARRAY, implementation = String.class,
                    example = "[\"video.completed\", \"video.failed\"]")
            List<String> events,
            @Schema(name = "status", required = true, enumeration = {"active", "disabled"}, example = "active")
            String status,
            @Schema(name = "disabled_reason", required = true, nullable = true)
            String disabledReason,
            @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time")
            Instant createdAt,
            @Schema(name = "secret", required = true, example = SECRET,
                    description = "whsec_ and the base64 of 32 random bytes: verify deliveries with it. Keep it now.")
            String secret) {
    }

    @Schema(name = "WebhookSecret", description = "A new signing secret, shown this once.")
    public record Secret(
            @Schema(name = "secret", required = true, example = SECRET)
            String secret,
            @Schema(name = "previous_secret_valid_until", required = true, nullable = true, type = SchemaType.STRING,
                    format = "date-time", description = "Until then deliveries carry a second signature made with the "
                    + "secret this one replaced; null when there was none.")
            Instant previousSecretValidUntil) {
    }

    @Schema(name = "DeliveryAttempt", description = "One try of a delivery and what came back.")
    public record Attempt(
            @Schema(name = "number", required = true, example = "1")
            int number,
            @Schema(name = "attempted_at", required = true, type = SchemaType.STRING, format = "date-time")
            Instant attemptedAt,
            @Schema(name = "status_code", required = true, nullable = true, example = "500",
                    description = "The receiver's HTTP status; null when none came back (timeout, refused address or connection).")
            Integer statusCode,
            @Schema(name = "response", required = true, nullable = true, maxLength = 1000, example = "{\"ok\":false}",
                    description = "The first 1,000 characters of the receiver's answer.")
            String response,
            @Schema(name = "error", required = true, nullable = true, example = "timed out after 10 s")
            String error,
            @Schema(name = "duration_ms", required = true, type = SchemaType.INTEGER, format = "int64", example = "41")
            long durationMs) {
    }

    @Schema(name = "Delivery", description = "One webhook message to one target and its attempts.")
    public record Delivery(
            @Schema(name = "id", required = true, example = "dlv_4b1e0c2a9d8f47c6b5a3e2d1c0f9a8b7")
            String id,
            @Schema(name = "webhook_id", required = true, example = "msg_2c9d7e1f0a3b4c5d6e7f8a9b0c1d2e3f",
                    description = "The webhook-id header: the same on every attempt and redelivery.")
            String webhookId,
            @Schema(name = "endpoint_id", required = true, nullable = true, example = ENDPOINT_ID,
                    description = "null for a generation's own webhook_url.")
            String endpointId,
            @Schema(name = "url", required = true, example = URL)
            String url,
            @Schema(name = "event_type", required = true, example = "video.completed",
                    enumeration = {"video.completed", "video.failed", "video.canceled", "video.expired"})
            String eventType,
            @Schema(name = "generation_id", required = true, example = "5f0c3a52-8d0e-4a53-9c1e-2b7f1e0d9a11")
            String generationId,
            @Schema(name = "status", required = true, enumeration = {"pending", "succeeded", "failed"}, example = "succeeded",
                    description = "pending: an attempt is due or will be; failed: given up.")
            String status,
            @Schema(name = "attempts", required = true, example = "3")
            int attempts,
            @Schema(name = "last_status_code", required = true, nullable = true, example = "200")
            Integer lastStatusCode,
            @Schema(name = "last_error", required = true, nullable = true)
            String lastError,
            @Schema(name = "next_attempt_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time",
                    description = "When the next attempt is due while pending; null once it ended.")
            Instant nextAttemptAt,
            @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time")
            Instant createdAt,
            @Schema(name = "finished_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
            Instant finishedAt,
            @Schema(name = "attempt_log", required = true, type = SchemaType.ARRAY, implementation = Attempt.class,
                    description = "Every attempt, oldest first.")
            List<Attempt> attemptLog) {
    }
}
