package io.reelforge.application.webhooks;

import java.time.Clock;
import java.util.List;

import io.reelforge.domain.model.webhook.WebhookRepository;
import io.reelforge.infrastructure.config.Settings;

/** A webhook sender's claims outside a container, for tests that run several senders on one database. */
public final class Senders {

    private Senders() {
    }

    /** Claims what is due, as {@link WebhookSender} does, in the caller's transaction; answers the deliveries' ids. */
    public static List<String> claimDue(WebhookRepository repository, Settings settings, Clock clock, int limit) {
        WebhookDeliveries d = new WebhookDeliveries();
        d.webhooks = repository;
        d.settings = settings;
        d.clock = clock;
        return d.claimDue(limit).stream().map(Dispatch::deliveryId).toList();
    }
}
