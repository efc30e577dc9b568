package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A render over its time limit fails as render.timeout and is refunded, once. On the shared appliance, with a
 * 2 s limit and 20 s renders set at run time.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class TimeoutIT {

    static final Map<String, String> SETTINGS = Map.of(SharedAppliance.SANDBOX_PACE, "PT20S", "render.timeout", "PT2S");
    static SharedAppliance.Account account;
    static Api api;

    @BeforeAll
    static void settings() throws Exception {
        account = SharedAppliance.setUp("timeout", Map.of(), SETTINGS);
        api = account.live();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
    }

    @Test
    void overlongRenderTimesOutAndIsRefunded() throws Exception {
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
