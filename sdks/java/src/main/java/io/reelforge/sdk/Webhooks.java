package io.reelforge.sdk;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Standard Webhooks verification of the appliance's deliveries. */
public final class Webhooks {
    /** How far a delivery's webhook-timestamp may be from now. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Webhooks() {
    }

    /**
     * Checks a delivery and returns its event: {@code payload} is the raw body, {@code headers} the request's
     * (names in any case; a value may be a String or a List of Strings), {@code secret} the endpoint's whsec_….
     *
     * @throws WebhookVerificationException when no v1 signature matches or the timestamp is over 5 minutes off
     */
    public static WebhookEvent verify(byte[] payload, Map<String, ?> headers, String secret) {
        return verify(payload, headers, secret, Instant.now());
    }

    /** {@link #verify(byte[], Map, String)} with the body as a String (UTF-8). */
    public static WebhookEvent verify(String payload, Map<String, ?> headers, String secret) {
        return verify(payload.getBytes(StandardCharsets.UTF_8), headers, secret);
    }

    static WebhookEvent verify(byte[] payload, Map<String, ?> headers, String secret, Instant now) {
        String id = header(headers, "webhook-id");
        String ts = header(headers, "webhook-timestamp");
        String sigs = header(headers, "webhook-signature");
        if (id == null || ts == null || sigs == null) {
            throw new WebhookVerificationException("missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long seconds;
        try {
            seconds = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number");
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            throw new WebhookVerificationException("webhook-timestamp is more than 5 minutes from now");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        } catch (IllegalArgumentException e) {
            throw new WebhookVerificationException("the secret is not whsec_ and base64");
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(payload);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WebhookVerificationException("cannot compute HMAC-SHA256 with this secret");
        }
        for (String s : sigs.trim().split("\\s+")) {
            if (!s.startsWith("v1,")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(s.substring(3));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(given, expected)) {
                try {
                    return Transport.JSON.readValue(payload, WebhookEvent.class);
                } catch (IOException e) {
                    throw new WebhookVerificationException("the signed body is not a JSON event");
                }
            }
        }
        throw new WebhookVerificationException("no matching v1 signature");
    }

    private static String header(Map<String, ?> headers, String name) {
        for (Map.Entry<String, ?> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                Object v = e.getValue();
                if (v instanceof List<?> l) {
                    return l.isEmpty() ? null : String.join(" ", l.stream().map(String::valueOf).toList());
                }
                return v == null ? null : v.toString();
            }
        }
        return null;
    }
}
