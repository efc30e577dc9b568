package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.GenerationService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.webhooks.WebhookDeliveries;
import io.reelforge.application.webhooks.WebhookOutbox;
import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.domain.model.webhook.DeliveryStatus;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookRepository;

/**
 * {@link WebhookOutbox} and {@link WebhookDeliveries}: a job's end writes its delivery in the same transaction, and a
 * delivery is leased to one sender at a time; a lease that lapses (its sender died) makes it due again.
 */
@ExtendWith(ArquillianExtension.class)
class WebhookOutboxIT extends AccountTest {

    @Inject
    WebhookService endpoints;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookRepository webhooks;

    @Inject
    GenerationService generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    Racer racer;

    @Inject
    UserTransaction tx;

    @Test
    void theEndWritesOneDeliveryThatOneSenderAtATimeLeasesUntilItIsRecorded() throws Exception {
        endpoints.create(account, "https://hooks.example.com/reelforge", "service test", List.of("video.canceled"));
        String id = generations.submit(fixtures.live(account), Fixtures.clip("waves at night"), null, null, null).generation().id();
        tx.begin();
        lifecycle.cancel(account, id);
        tx.rollback();
        assertEquals(0, ours().size(), "a rolled-back end leaves no delivery");

        lifecycle.cancel(account, id);
        WebhookDelivery written = single();
        assertEquals(DeliveryStatus.PENDING, written.status());

        Future<Integer> second = racer.race(() -> assertEquals(1, deliveries.claimDue(50).size()),
                () -> deliveries.claimDue(50).size());
        assertEquals(0, second.get(30, TimeUnit.SECONDS), "leased to the first sender");
        assertEquals(0, deliveries.claimDue(50).size());

        // The first sender died: its lease lapses and the delivery is due again.
        fixtures.backdate(WebhookDelivery.class, "nextAttemptAt", written.id(), Instant.now().minus(Duration.ofMinutes(1)));
        assertEquals(1, deliveries.claimDue(50).size());
        deliveries.record(written.id(), AttemptOutcome.response(204, "", 12, null));

        WebhookDelivery done = single();
        assertEquals(DeliveryStatus.SUCCEEDED, done.status());
        assertEquals(1, done.attempts());
        fixtures.backdate(WebhookDelivery.class, "nextAttemptAt", written.id(), Instant.now().minus(Duration.ofMinutes(1)));
        assertEquals(0, deliveries.claimDue(50).size(), "a delivered message is never sent again");
    }

    private List<WebhookDelivery> ours() {
        return webhooks.deliveries(account, null, null, null, 10);
    }

    private WebhookDelivery single() {
        List<WebhookDelivery> list = ours();
        assertEquals(1, list.size());
        return list.get(0);
    }
}
