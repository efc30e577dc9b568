package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM drains: readiness goes down, new submissions get 503 with Retry-After, the render in progress
 * finishes, and Derby is shut down cleanly (no lock files, so the next start does no recovery). Readiness
 * also fails on its own when the storage root has less free space than the configured floor.
 */
class ShutdownIT {

    @Test
    void sigtermFinishesTheRenderInProgressAndRefusesNewOnes() throws Exception {
        // (storage that is down refuses submissions now: StorageFaultIT)
        try (Appliance a = Appliance.start("drain", Map.of("engine.sandbox.min-render-time", "PT6S",
                "shutdown.drain-timeout", "PT60S"))) {
            Api api = a.api();
            Api anonymous = api.withKey(null);
            Api.Resp ready = anonymous.get("/health/ready");
            Map<String, JsonNode> checks = OperabilityIT.checks(ready.json());
            assertEquals("UP", checks.get("database").path("status").asText());
            assertEquals("UP", checks.get("accepting_jobs").path("status").asText());
            assertEquals(200, anonymous.get("/health/live").status());

            long before = api.balance();
            String running = api.generate(Map.of("prompt", "sea at sunset, pan", "resolution", "720p"))
                    .json().path("generation_id").asText();
            String queued = api.generate(Map.of("prompt", "forest in fog", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(running, "processing", Duration.ofSeconds(30));

            a.terminate();
            Api.Resp refused = awaitRefusal(api);
            assertEquals(503, refused.status(), refused.text());
            assertEquals("shutting_down", refused.errorCode());
            assertTrue(Long.parseLong(refused.header("Retry-After")) > 0, "Retry-After");
            assertTrue(refused.header("Content-Type").startsWith("application/json"), refused.text());
            Api.Resp draining = anonymous.get("/health/ready");
            assertEquals(503, draining.status(), draining.text());
            assertTrue(Long.parseLong(draining.header("Retry-After")) > 0, "Retry-After on readiness while draining");
            JsonNode accepting = OperabilityIT.checks(draining.json()).get("accepting_jobs");
            assertEquals("DOWN", accepting.path("status").asText());
            assertEquals("queued", api.get("/v1/video/" + queued).json().path("status").asText(), "no new render starts");

            assertTrue(a.awaitExit(Duration.ofSeconds(90)), "the appliance stops once the render is done");
            String log = a.log();
            assertTrue(log.contains("drained: no render in progress"), "the render finished within the drain");
            // Derby removes db.lck only on a clean shutdown (SIGKILL leaves it, and the next boot recovers).
            assertFalse(Files.exists(a.dataDir().resolve("db").resolve("db.lck")), "Derby was shut down cleanly");

            a.boot();
            JsonNode done = api.get("/v1/video/" + running).json();
            assertEquals("completed", done.path("status").asText(), "finished during the drain: " + done);
            assertEquals(1, done.path("attempts").asInt());
            JsonNode later = api.await(queued, Duration.ofMinutes(2));
            assertEquals("completed", later.path("status").asText(), "the queued job runs after the restart");
            assertEquals(before - 180, api.balance(), "the refused submission charged nothing");
        }
    }

    /** The first submission answered after the signal: 202s are possible until the handler has run. */
    private static Api.Resp awaitRefusal(Api api) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Api.Resp r;
        do {
            r = api.post("/v1/video/generate", "application/json", "{\"prompt\": \"x\", \"resolution\": \"720p\"}");
            if (r.status() == 202) {
                String id = r.json().path("generation_id").asText();
                api.post("/v1/video/" + id + "/cancel", "application/json", "");
                Thread.sleep(100);
            }
        } while (r.status() == 202 && System.nanoTime() < deadline);
        return r;
    }
}
