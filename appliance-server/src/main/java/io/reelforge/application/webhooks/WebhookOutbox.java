package io.reelforge.application.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookEvent;
import io.reelforge.domain.model.webhook.WebhookRepository;

/**
 * Writes the deliveries of a generation's end event in the transaction that ended it: one per active endpoint
 * of the account that wants the event, and one for the generation's own {@code webhook_url}. All share one
 * message id, since they carry the same message.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class WebhookOutbox {

    @Inject
    WebhookRepository webhooks;

    @Inject
    EventBodies bodies;

    @Inject
    Event<WebhookQueued> queued;

    @Inject
    Clock clock;

    public void generationEnded(Generation g) {
        WebhookEvent.forStatus(g.status()).ifPresent(event -> {
            Instant now = clock.instant();
            String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
            String payload = null;
            for (WebhookEndpoint e : webhooks.endpoints(g.accountId())) {
                if (e.wants(event)) {
                    payload = payload != null ? payload : bodies.render(g, event, now);
                    webhooks.store(new WebhookDelivery(messageId, g.accountId(), e.id(), e.url(), event, g.id(), payload, now));
                }
            }
            if (g.webhookUrl() != null) {
                payload = payload != null ? payload : bodies.render(g, event, now);
                webhooks.store(new WebhookDelivery(messageId, g.accountId(), null, g.webhookUrl(), event, g.id(), payload, now));
            }
            if (payload != null) {
                queued.fire(new WebhookQueued());
            }
        });
    }
}
