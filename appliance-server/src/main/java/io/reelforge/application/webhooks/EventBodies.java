package io.reelforge.application.webhooks;

import java.time.Instant;

import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.webhook.WebhookEvent;

/** Renders an event's JSON body; the REST layer implements it, so the body is exactly what the API shows. */
public interface EventBodies {

    String render(Generation generation, WebhookEvent event, Instant at);
}
