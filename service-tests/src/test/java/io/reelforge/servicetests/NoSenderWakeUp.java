package io.reelforge.servicetests;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;

import io.reelforge.application.webhooks.WebhookQueued;
import io.reelforge.application.webhooks.WebhookSender;

/**
 * The webhook sender claims what is due as soon as a job's end commits, on a thread of its own: in the deployment it
 * would race every test that claims deliveries, and win at random. Its wake-up is removed here, so the tests are the
 * only senders; the sender stays a bean, and what it does is what {@code WebhookDeliveries} does, which the tests call.
 */
public class NoSenderWakeUp implements Extension {

    void vetoWakeUp(@Observes ProcessObserverMethod<WebhookQueued, WebhookSender> observer) {
        observer.veto();
    }
}
