package io.reelforge.sdk;

import java.util.List;

/** One webhook message to one target and its attempts. */
public record WebhookDelivery(String id, String webhookId, String endpointId, String url, String eventType,
                              String generationId, String status, int attempts, Integer lastStatusCode,
                              String lastError, String nextAttemptAt, String createdAt, String finishedAt,
                              List<Attempt> attemptLog) {
    public record Attempt(int number, String attemptedAt, Integer statusCode, String response, String error,
                          long durationMs) {
    }
}
