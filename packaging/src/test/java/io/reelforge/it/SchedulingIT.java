package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Renders start at once on an idle appliance; estimates come from measured render times. Its own appliance:
 * the estimate is the median of the latest renders of every account, and on the shared appliance other
 * tests' renders (slower, since they ran side by side) would be in that median.
 */
class SchedulingIT {

    @Test
    void startsWithinASecondAndEstimatesFromMeasurements() throws Exception {
        try (Appliance appliance = Appliance.start("scheduling", Map.of())) {
            check(appliance.api());
        }
    }

    private static void check(Api api) throws Exception {
        JsonNode first = awaitIdleThenSubmit(api);
        JsonNode running = api.awaitStatus(first.path("generation_id").asText(), "processing", Duration.ofSeconds(5));
        Duration wait = Duration.between(Instant.parse(running.path("created_at").asText()),
                Instant.parse(running.path("started_at").asText()));
        assertTrue(wait.toMillis() < 1000, "started " + wait.toMillis() + " ms after submission");
        JsonNode done = api.await(first.path("generation_id").asText(), Duration.ofMinutes(2));
        assertEquals("completed", done.path("status").asText());

        // The next estimate on the same engine and frame size is the median of the renders measured so far,
        // here the one above (whole seconds, less any time it has already run when the reply is made).
        JsonNode second = awaitIdleThenSubmit(api);
        long measured = done.path("processing_ms").asLong();
        long estimate = second.path("estimated_seconds").asLong();
        assertTrue(Math.abs(estimate * 1000 - measured) <= 2000,
                "estimate " + estimate + " s vs measured " + measured + " ms");
        api.await(second.path("generation_id").asText(), Duration.ofMinutes(2));
    }

    private static JsonNode awaitIdleThenSubmit(Api api) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (api.get("/v1/account").json().path("in_flight").asLong() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Api.Resp r = api.generate(Map.of("prompt", "forest at golden hour, orbit", "resolution", "720p", "seed", 7));
        assertEquals(202, r.status(), r.text());
        return r.json();
    }
}
