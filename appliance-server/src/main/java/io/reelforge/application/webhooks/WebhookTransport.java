package io.reelforge.application.webhooks;

import java.net.URI;
import java.util.Map;

import io.reelforge.domain.model.webhook.AttemptOutcome;

/**
 * One webhook call: a signed POST to a receiver, within the configured deadline, to addresses the appliance may
 * reach. Implemented by the webhook client in infrastructure; never throws for what the receiver did (refused,
 * slow, unreachable): that is the outcome.
 */
public interface WebhookTransport {

    AttemptOutcome post(URI url, Map<String, String> headers, byte[] body);
}
