package io.reelforge.application.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * The Standard Webhooks headers of one attempt: the message id (the same on every attempt), the attempt's
 * timestamp, and one {@code v1,} signature per valid secret, space-separated (two during a rotation).
 */
final class Signer {

    private Signer() {
    }

    static Map<String, String> headers(String messageId, long timestamp, String payload, List<String> secrets) {
        String signatures = secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(messageId, timestamp, payload);
            } catch (WebhookSigningException | EmptyWebhookSecretException e) {
                throw new IllegalStateException("cannot sign webhook " + messageId, e);
            }
        }).collect(Collectors.joining(" "));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("webhook-id", messageId);
        h.put("webhook-timestamp", Long.toString(timestamp));
        h.put("webhook-signature", signatures);
        return h;
    }
}
