package io.reelforge.interfaces.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.webhook.DeliveryAttempt;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;

/** Builds the webhook DTOs; a delivery comes with its attempts, oldest first. */
@ApplicationScoped
public class WebhookAssembler {

    @Inject
    WebhookService webhooks;

    WebhookDtos.Endpoint toDto(WebhookEndpoint e) {
        return new WebhookDtos.Endpoint(e.id(), e.url(), e.description(), e.eventNames(), e.status().wireName(),
                e.disabledReason(), e.createdAt());
    }

    WebhookDtos.CreatedEndpoint toDto(WebhookService.Created c) {
        WebhookEndpoint e = c.endpoint();
        return new WebhookDtos.CreatedEndpoint(e.id(), e.url(), e.description(), e.eventNames(), e.status().wireName(),
                e.disabledReason(), e.createdAt(), c.secret());
    }

    WebhookDtos.Secret toDto(WebhookService.Secret s) {
        return new WebhookDtos.Secret(s.secret(), s.previousValidUntil());
    }

    WebhookDtos.Delivery toDto(WebhookDelivery d) {
        List<WebhookDtos.Attempt> attempts = webhooks.attempts(d).stream().map(WebhookAssembler::toDto).toList();
        return new WebhookDtos.Delivery(d.id(), d.messageId(), d.endpointId(), d.url(), d.eventType(), d.generationId(),
                d.status().wireName(), d.attempts(), d.lastStatusCode(), d.lastError(), d.nextAttemptAt(), d.createdAt(),
                d.finishedAt(), attempts);
    }

    private static WebhookDtos.Attempt toDto(DeliveryAttempt a) {
        return new WebhookDtos.Attempt(a.number(), a.attemptedAt(), a.statusCode(), a.responseSnippet(), a.error(),
                a.durationMs());
    }
}
