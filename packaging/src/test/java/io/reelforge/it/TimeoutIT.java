package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A render over its time limit fails as render.timeout and is refunded, once. */
class TimeoutIT {

    @Test
    void overlongRenderTimesOutAndIsRefunded() throws Exception {
        try (Appliance a = Appliance.start("timeout", Map.of("engine.sandbox.min-render-time", "PT20S",
                "render.timeout", "PT2S"))) {
            Api api = a.api();
            long before = api.balance();
            String id = api.generate(Map.of("prompt", "night sky over the desert", "resolution", "720p"))
                    .json().path("generation_id").asText();
            JsonNode done = api.await(id, Duration.ofSeconds(60));
            assertEquals("failed", done.path("status").asText(), done.toString());
            assertEquals("render.timeout", done.path("error_code").asText());
            assertEquals(0, done.path("credits_used").asLong());
            assertTrue(done.path("processing_ms").asLong() >= 2000, done.toString());
            assertTrue(done.path("output_url").isNull());
            assertEquals(before, api.balance());
            long refunds = QuotaIT.ledger(api).stream().filter(e -> "refund".equals(e.path("kind").asText())).count();
            assertEquals(1, refunds);
        }
    }
}
