package io.reelforge.infrastructure.webhooks;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.webhooks.WebhookTransport;
import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.net.AddressPolicy;

/** Webhook calls through {@link WebhookHttpClient}, with the allowed addresses and the deadline configured now. */
@ApplicationScoped
public class WebhookCalls implements WebhookTransport {

    @Inject
    Settings settings;

    @Override
    public AttemptOutcome post(URI url, Map<String, String> headers, byte[] body) {
        return new WebhookHttpClient(new AddressPolicy(settings.webhookAllowedAddresses()), settings.webhookTimeout())
                .post(url, headers, body);
    }
}
