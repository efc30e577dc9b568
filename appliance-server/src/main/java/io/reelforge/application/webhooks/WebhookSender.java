package io.reelforge.application.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.domain.model.webhook.AttemptOutcome;

/**
 * Drains the outbox: claims what is due and sends each on a managed thread, outside any transaction (an
 * attempt may take the whole timeout). Woken right after an event commits, and by the webhook job as the
 * steady beat that also picks up retries and whatever a restart left behind.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final int BATCH = 20;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookTransport transport;

    @Resource
    ManagedExecutorService executor;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookQueued event) {
        executor.execute(this::sendDue);
    }

    /** One claimer at a time in this process; the claims themselves keep a delivery from being sent twice. */
    public synchronized void sendDue() {
        try {
            List<Dispatch> batch;
            do {
                batch = deliveries.claimDue(BATCH);
                for (Dispatch d : batch) {
                    executor.execute(() -> send(d));
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook claim failed; the webhook job will retry", e);
        }
    }

    private void send(Dispatch d) {
        AttemptOutcome outcome;
        try {
            long timestamp = System.currentTimeMillis() / 1000;
            outcome = transport.post(URI.create(d.url()), Signer.headers(d.messageId(), timestamp, d.payload(), d.secrets()),
                    d.payload().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            outcome = AttemptOutcome.error("request failed: " + e, 0);
        }
        try {
            deliveries.record(d.deliveryId(), outcome);
        } catch (RuntimeException e) {
            // The claim's lease runs out and the delivery is tried again.
            LOG.log(Level.WARNING, "could not record webhook attempt of " + d.deliveryId(), e);
        }
    }
}
