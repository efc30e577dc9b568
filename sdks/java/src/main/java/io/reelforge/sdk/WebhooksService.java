package io.reelforge.sdk;

import com.fasterxml.jackson.core.type.TypeReference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code client.webhooks()}: endpoints, deliveries, and {@link #verify}. */
public final class WebhooksService {
    private final Transport transport;

    WebhooksService(Transport transport) {
        this.transport = transport;
    }

    /** Registers an endpoint for these events (none: every event); keep the returned secret, it is shown once. */
    public WebhookEndpoint create(String url, List<String> events, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        if (events != null && !events.isEmpty()) {
            body.put("events", events);
        }
        if (description != null) {
            body.put("description", description);
        }
        return transport.json(Transport.Call.json("POST", "/v1/webhooks", body), WebhookEndpoint.class);
    }

    public WebhookEndpoint create(String url, List<String> events) {
        return create(url, events, null);
    }

    /** The account's endpoints, oldest first, without secrets. */
    public List<WebhookEndpoint> list() {
        return transport.json(Transport.Call.get("/v1/webhooks"), new TypeReference<Map<String, List<WebhookEndpoint>>>() {
        }).getOrDefault("data", List.of());
    }

    public WebhookEndpoint get(String id) {
        return transport.json(Transport.Call.get(path(id)), WebhookEndpoint.class);
    }

    public void delete(String id) {
        transport.send(Transport.Call.json("DELETE", path(id), null));
    }

    /** A new secret; the old one keeps signing during its grace period. */
    public WebhookSecret rotateSecret(String id) {
        return transport.json(Transport.Call.json("POST", path(id) + "/rotate-secret", null), WebhookSecret.class);
    }

    /** Turns on an endpoint that a 410 disabled. */
    public WebhookEndpoint enable(String id) {
        return transport.json(Transport.Call.json("POST", path(id) + "/enable", null), WebhookEndpoint.class);
    }

    /** Creates or rotates the account's signing key for per-job webhook_urls (shown once). */
    public WebhookSecret createSigningKey() {
        return transport.json(Transport.Call.json("POST", "/v1/webhooks/signing-key", null), WebhookSecret.class);
    }

    /** Deliveries of one endpoint (null: of all), newest first, auto-paginated. */
    public AutoPager<WebhookDelivery> deliveries(String endpointId, int pageSize) {
        String p = endpointId == null ? "/v1/webhooks/deliveries" : path(endpointId) + "/deliveries";
        return new AutoPager<>(transport, p, Map.of(), pageSize, WebhookDelivery.class, null);
    }

    public WebhookDelivery getDelivery(String id) {
        return transport.json(Transport.Call.get("/v1/webhooks/deliveries/" + enc(id)), WebhookDelivery.class);
    }

    /** Sends a delivery's message again. */
    public WebhookDelivery redeliver(String id) {
        return transport.json(Transport.Call.json("POST", "/v1/webhooks/deliveries/" + enc(id) + "/redeliver", null),
                WebhookDelivery.class);
    }

    /** {@link Webhooks#verify(byte[], Map, String)}. */
    public WebhookEvent verify(byte[] payload, Map<String, ?> headers, String secret) {
        return Webhooks.verify(payload, headers, secret);
    }

    /** {@link Webhooks#verify(String, Map, String)}. */
    public WebhookEvent verify(String payload, Map<String, ?> headers, String secret) {
        return Webhooks.verify(payload, headers, secret);
    }

    private static String path(String id) {
        return "/v1/webhooks/" + enc(id);
    }

    private static String enc(String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
