package io.reelforge.application.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.webhook.AccountSigningKey;
import io.reelforge.domain.model.webhook.DeliveryAttempt;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookEvent;
import io.reelforge.domain.model.webhook.WebhookRepository;
import io.reelforge.domain.model.webhook.WebhookUrl;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.net.AddressPolicy;

/**
 * An account's webhooks: endpoints, their secrets, the account's signing key for per-generation URLs, deliveries
 * and redelivery. The API calls it with the calling key's account, the console ({@code WebhookAdmin}) with the
 * account an endpoint or delivery belongs to. Another account's ids are not found, never forbidden.
 * Reads run in a transaction too: a non-transactional EntityManager of the request would be closed under it by
 * the managed task that an after-commit event starts.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** A new secret, returned once to show once. */
    public record Secret(String secret, Instant previousValidUntil) {
    }

    public record Created(WebhookEndpoint endpoint, String secret) {
    }

    @Inject
    WebhookRepository webhooks;

    @Inject
    WebhookLimits settings;

    @Inject
    Event<WebhookQueued> queued;

    @Inject
    Clock clock;

    public Created create(String accountId, String url, String description, List<String> events) {
        WebhookUrl target = target("url", url);
        if (description != null && description.length() > 200) {
            throw ReelforgeException.validation("description", "description_too_long", "description is at most 200 characters.");
        }
        if (webhooks.countEndpoints(accountId) >= settings.webhookMaxEndpoints()) {
            throw ReelforgeException.validation("url", "too_many_endpoints",
                    "This account already has " + settings.webhookMaxEndpoints() + " webhook endpoints; delete one first.");
        }
        WebhookEndpoint e = new WebhookEndpoint(accountId, target, description, events(events), clock.instant());
        webhooks.store(e);
        return new Created(e, e.secrets().current());
    }

    public List<WebhookEndpoint> endpoints(String accountId) {
        return webhooks.endpoints(accountId);
    }

    public WebhookEndpoint endpoint(String accountId, String id) {
        return webhooks.endpoint(id).filter(e -> e.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("webhook", id));
    }

    public void delete(String accountId, String id) {
        webhooks.delete(endpoint(accountId, id));
    }

    public Secret rotateSecret(String accountId, String id) {
        WebhookEndpoint e = endpoint(accountId, id);
        Instant now = clock.instant();
        String secret = e.rotateSecret(settings.webhookSecretGrace(), now);
        return new Secret(secret, e.secrets().previousValidUntil(now));
    }

    public WebhookEndpoint enable(String accountId, String id) {
        WebhookEndpoint e = endpoint(accountId, id);
        e.enable();
        return e;
    }

    /** Creates the account's signing key for {@code webhook_url}s, or rotates it with a grace period. */
    public Secret rotateSigningKey(String accountId) {
        Instant now = clock.instant();
        return webhooks.signingKey(accountId).map(k -> {
            String secret = k.rotate(settings.webhookSecretGrace(), now);
            return new Secret(secret, k.secrets().previousValidUntil(now));
        }).orElseGet(() -> {
            AccountSigningKey k = new AccountSigningKey(accountId, now);
            webhooks.store(k);
            return new Secret(k.secrets().current(), null);
        });
    }

    /** Checks a generation's {@code webhook_url}: its shape, its address if literal, and that it can be signed. */
    public WebhookUrl generationTarget(String accountId, String url) {
        WebhookUrl target = target("webhook_url", url);
        if (webhooks.signingKey(accountId).isEmpty()) {
            throw ReelforgeException.validation("webhook_url", "webhook_signing_key_missing",
                    "webhook_url deliveries are signed with the account's signing key, and this account has none yet: "
                            + "create it once with POST /v1/webhooks/signing-key.");
        }
        return target;
    }

    public List<WebhookDelivery> deliveries(String accountId, String endpointId, Instant beforeCreatedAt, String beforeId, int limit) {
        if (endpointId != null) {
            endpoint(accountId, endpointId);
        }
        return webhooks.deliveries(accountId, endpointId, beforeCreatedAt, beforeId, limit);
    }

    public WebhookDelivery delivery(String accountId, String id) {
        return webhooks.delivery(id).filter(d -> d.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("delivery", id));
    }

    public List<DeliveryAttempt> attempts(WebhookDelivery d) {
        return webhooks.attempts(d.id());
    }

    /** Sends the same message again now; its endpoint must be enabled first if a 410 disabled it. */
    public WebhookDelivery redeliver(String accountId, String id) {
        WebhookDelivery d = webhooks.lockDelivery(id).filter(x -> x.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("delivery", id));
        if (d.endpointId() != null && !endpoint(accountId, d.endpointId()).isActive()) {
            throw ReelforgeException.conflict("webhook.disabled", "The endpoint of this delivery is disabled; enable it "
                    + "first (POST /v1/webhooks/" + d.endpointId() + "/enable, or Enable in the console's Webhooks page).");
        }
        d.redeliver(clock.instant());
        queued.fire(new WebhookQueued());
        return d;
    }

    private WebhookUrl target(String param, String url) {
        WebhookUrl target = WebhookUrl.parse(param, url);
        String host = target.uri().getHost();
        if (host.startsWith("[") || host.matches("[0-9.]+")) {
            try {
                String why = new AddressPolicy(settings.webhookAllowedAddresses())
                        .refusal(InetAddress.getByName(host.replaceAll("[\\[\\]]", "")));
                if (why != null) {
                    throw ReelforgeException.validation(param, "webhook_url_refused", param + " points to a " + why
                            + ", which webhooks may not reach unless an administrator allows it.");
                }
            } catch (UnknownHostException e) {
                throw ReelforgeException.validation(param, "invalid_webhook_url", param + " has an invalid address.");
            }
        }
        return target;
    }

    private static Set<WebhookEvent> events(List<String> names) {
        Set<WebhookEvent> out = EnumSet.noneOf(WebhookEvent.class);
        if (names != null) {
            for (String n : names) {
                out.add(WebhookEvent.fromWire(n).orElseThrow(() -> ReelforgeException.validation("events", "invalid_event",
                        "'" + n + "' is not an event; use any of: " + WebhookEvent.supported() + ".")));
            }
        }
        return out;
    }
}
