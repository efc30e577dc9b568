package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 *
 * <p>Nothing here is timed. The node's heartbeat (which also dispatches, as the safety net for a lost wake-up) is
 * ten minutes apart, so a render that starts within the test was started by its submission's own wake-up. The
 * estimates are compared exactly with what the estimator must make of the prior and of the measured render.
 */
class SchedulingIT {

    /** Far beyond any wait below: the heartbeat never dispatches during the test. */
    static final String HEARTBEAT = "PT10M";
    /** A sandbox clip at 720p without min-render-time: the prior is 3 s until a render of the size is measured. */
    static final long PRIOR_MS = 3000;

    @Test
    void startsOnItsSubmissionAndEstimatesFromMeasurements() throws Exception {
        try (Appliance appliance = Appliance.start("scheduling", Map.of("cluster.heartbeat", HEARTBEAT,
                "cluster.lease", "PT30M"))) {
            check(appliance.api());
        }
    }

    private static void check(Api api) throws Exception {
        JsonNode first = awaitIdleThenSubmit(api);
        assertEquals(PRIOR_MS / 1000 + 1, first.path("estimated_seconds").asLong(),
                "nothing measured yet: the prior, in whole seconds plus one: " + first);
        // Started, hence dispatched by the wake-up after its submission committed: the next beat is 10 minutes away.
        JsonNode done = api.await(first.path("generation_id").asText(), Duration.ofMinutes(2));
        assertEquals("completed", done.path("status").asText(), done.toString());
        Instant created = Instant.parse(done.path("created_at").asText());
        Instant started = Instant.parse(done.path("started_at").asText());
        assertFalse(started.isBefore(created), done.toString());

        // The next estimate on the same engine and frame size is the median of the renders measured so far at
        // the concurrency it will render at (alone, as the first did): the first's measured time. The reply is
        // made from the job as submitted (queued, nothing ahead of it), so it is that time in whole seconds plus one.
        JsonNode second = awaitIdleThenSubmit(api);
        long measured = done.path("processing_ms").asLong();
        assertTrue(measured > 0, done.toString());
        assertEquals(measured / 1000 + 1, second.path("estimated_seconds").asLong(),
                "the estimate comes from the measured " + measured + " ms: " + second);
        assertEquals("completed", api.await(second.path("generation_id").asText(), Duration.ofMinutes(2)).path("status").asText());
    }

    private static JsonNode awaitIdleThenSubmit(Api api) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (api.get("/v1/account").json().path("in_flight").asLong() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Api.Resp r = api.generate(Map.of("prompt", "forest at golden hour, orbit", "resolution", "720p", "seed", 7));
        assertEquals(202, r.status(), r.text());
        assertEquals("queued", r.json().path("status").asText(), r.text());
        return r.json();
    }
}
