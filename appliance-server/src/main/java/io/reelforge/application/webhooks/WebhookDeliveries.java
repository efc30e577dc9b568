package io.reelforge.application.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.ops.AfterCommit;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.domain.model.webhook.DeliveryStatus;
import io.reelforge.domain.model.webhook.RetrySchedule;
import io.reelforge.domain.model.webhook.SigningSecrets;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookRepository;

/** The outbox's state changes: claiming due deliveries for an attempt, and recording what the attempt got. */
@ApplicationScoped
@Transactional
public class WebhookDeliveries {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class.getName());

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookLimits settings;

    @Inject
    Clock clock;

    @Inject
    OpsMetrics metrics;

    @Inject
    AfterCommit afterCommit;

    /**
     * Claims up to {@code limit} due deliveries. One whose endpoint is gone or disabled is given up instead; one
     * whose account has no signing key any more cannot be signed and is given up too.
     */
    public List<Dispatch> claimDue(int limit) {
        Instant now = clock.instant();
        Duration lease = settings.webhookTimeout().plusSeconds(60);
        List<Dispatch> out = new ArrayList<>();
        for (WebhookDelivery due : webhooks.due(now, limit)) {
            WebhookDelivery d = webhooks.lockDelivery(due.id()).orElse(null);
            if (d == null || !d.claim(now, lease)) {
                continue;
            }
            Optional<SigningSecrets> secrets;
            if (d.endpointId() != null) {
                Optional<WebhookEndpoint> e = webhooks.endpoint(d.endpointId());
                if (e.isEmpty() || !e.get().isActive()) {
                    d.abandon("the endpoint is disabled", now);
                    continue;
                }
                secrets = e.map(WebhookEndpoint::secrets);
            } else {
                secrets = webhooks.signingKey(d.accountId()).map(k -> k.secrets());
            }
            if (secrets.isEmpty()) {
                d.abandon("the account has no webhook signing key", now);
                continue;
            }
            out.add(new Dispatch(d.id(), d.messageId(), d.url(), d.payload(), secrets.get().valid(now)));
        }
        return out;
    }

    /**
     * Stores the attempt; a 410 from an endpoint disables it, and its other pending deliveries are given up. The
     * attempt is counted in the metrics once this commits.
     */
    public void record(String deliveryId, AttemptOutcome outcome) {
        Instant now = clock.instant();
        WebhookDelivery d = webhooks.lockDelivery(deliveryId).orElse(null);
        if (d == null) {
            return;
        }
        webhooks.store(d.record(outcome, RetrySchedule.parse(settings.webhookRetrySchedule()), now));
        boolean disabled = false;
        if (outcome.gone() && d.endpointId() != null) {
            Optional<WebhookEndpoint> endpoint = webhooks.endpoint(d.endpointId());
            endpoint.ifPresent(e -> {
                e.disable("The endpoint answered 410 Gone at " + now + ".");
                LOG.info(() -> "webhook endpoint " + e.id() + " answered 410 and was disabled");
            });
            disabled = endpoint.isPresent();
        }
        if (d.status() == DeliveryStatus.FAILED) {
            LOG.info(() -> "webhook delivery " + d.id() + " failed after " + d.attempts() + " attempts");
        }
        String counted = metricOutcome(d.status(), disabled);
        int status = outcome.statusCode() == null ? 0 : outcome.statusCode();
        afterCommit.count(() -> metrics.webhookAttempt(counted, status));
    }

    /**
     * The {@code outcome} label of an attempt, from where it left its delivery: {@code delivered}, {@code failed}
     * (a retry is scheduled), {@code disabled} (a 410 turned its endpoint off) or {@code gave_up} (no retry left,
     * or a 410 from a generation's own URL).
     */
    static String metricOutcome(DeliveryStatus after, boolean endpointDisabled) {
        return switch (after) {
            case SUCCEEDED -> "delivered";
            case PENDING -> "failed";
            case FAILED -> endpointDisabled ? "disabled" : "gave_up";
        };
    }
}
