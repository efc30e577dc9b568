package io.reelforge.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The Standard Webhooks specification's own example (github.com/standard-webhooks/standard-webhooks). */
class WebhooksTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"type\": \"x\", \"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void specificationExampleVerifiesAndTamperingDoesNot() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = Map.of("Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,bm9ldHZhbGlk v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        Instant at = Instant.ofEpochSecond(1614265330);
        assertEquals(null, Webhooks.verify(body, h, SECRET, at).type());
        assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(body, h, SECRET, at.plusSeconds(360)));
        assertThrows(WebhookVerificationException.class,
                () -> Webhooks.verify("{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8), h, SECRET, at));
        assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(BODY, Map.of(), SECRET, at));
    }
}
