package io.reelforge.interfaces.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.webhooks.EventBodies;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.webhook.WebhookEvent;

/**
 * A webhook body in the Standard Webhooks shape: {@code type}, {@code timestamp}, and {@code data}, which is
 * exactly the {@code GET /v1/video/{id}} body at the time of the event.
 */
@ApplicationScoped
public class GenerationEventBodies implements EventBodies {

    public record Envelope(String type, Instant timestamp, GenerationDto data) {
    }

    @Inject
    GenerationAssembler assembler;

    private final JsonConfig json = new JsonConfig();

    @Override
    public String render(Generation g, WebhookEvent event, Instant at) {
        URI base = URI.create(g.apiBase() != null ? g.apiBase() : "http://localhost/");
        return json.getContext(Envelope.class).toJson(new Envelope(event.wireName(), at, assembler.toDto(g, base)));
    }
}
