package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The restart suite: one appliance through two SIGKILLs and one SIGTERM (four starts; a start costs half a minute
 * of two cores).
 *
 * <p>SIGKILL mid-render: on restart a job is retried once, and a job interrupted twice fails and is refunded; none
 * stays processing, none is charged twice, the kills' partial files are deleted.
 *
 * <p>SIGTERM drains: readiness goes down, new submissions get 503 with Retry-After, no new render starts, the
 * render that can finish within the drain timeout finishes, the one that cannot is handed back to the queue
 * without spending an attempt, and Derby is shut down cleanly (no lock file, so the next start does no recovery).
 */
class RestartIT {

    /** Renders take this long (the sandbox paces its frames over it), so that the signals find them running. */
    private static final Duration RENDER = Duration.ofSeconds(16);
    /**
     * The drain waits this long: twice the time a render past {@link #NEARLY_DONE} has left (paced; the few frames,
     * {@code engine.sandbox.fps=8}, leave the two cores waiting rather than encoding), and 3 s short of the least time
     * that a render just started has left (the pacer's lower bound).
     */
    private static final Duration DRAIN = Duration.ofSeconds(12);
    private static final double NEARLY_DONE = 0.7;

    @Test
    void twoKillsAndADrainLoseNothingAndChargeOnce() throws Exception {
        // Two slots: both jobs of the first kill are in flight when it comes, and the drain has two renders to treat.
        try (Appliance a = Appliance.start("restart", Map.of("engine.sandbox.min-render-time", "PT" + RENDER.toSeconds() + "S",
                "engine.sandbox.fps", "8", "render.slots", "2", "shutdown.drain-timeout", "PT" + DRAIN.toSeconds() + "S"))) {
            Api api = a.api();
            Api anonymous = api.withKey(null);
            Api.Resp ready = anonymous.get("/health/ready");
            Map<String, JsonNode> checks = OperabilityIT.checks(ready.json());
            assertEquals("UP", checks.get("database").path("status").asText());
            assertEquals("UP", checks.get("accepting_jobs").path("status").asText());
            assertEquals(200, anonymous.get("/health/live").status());
            long before = api.balance();

            // SIGKILL 1, two renders in flight: each loses its first attempt.
            String retried = api.generate(Map.of("prompt", "drone glide over a forest", "resolution", "720p"))
                    .json().path("generation_id").asText();
            String doomed = api.generate(Map.of("prompt", "city skyline at dusk", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(retried, "processing", Duration.ofSeconds(30));
            api.awaitStatus(doomed, "processing", Duration.ofSeconds(30));
            a.kill();
            // One slot after the restart: the older job renders its second attempt to the end while the other waits.
            a.set("render.slots", "1");
            a.boot();
            JsonNode done = api.await(retried, Duration.ofMinutes(2));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(2, done.path("attempts").asInt());
            assertEquals(before - 180, api.balance(), "both charged once, neither refunded yet");

            // SIGKILL 2 during the other job's second attempt: it fails as interrupted, and is refunded.
            JsonNode second = api.awaitStatus(doomed, "processing", Duration.ofSeconds(60));
            assertEquals(2, second.path("attempts").asInt(), second.toString());
            a.kill();
            a.set("render.slots", "2");
            a.boot();
            JsonNode failed = api.await(doomed, Duration.ofSeconds(30));
            assertEquals("failed", failed.path("status").asText(), failed.toString());
            assertEquals("render.interrupted", failed.path("error_code").asText());
            assertEquals(before - 90, api.balance());

            // SIGTERM with one render nearly done, one just started and one queued.
            String running = api.generate(Map.of("prompt", "sea at sunset, pan", "resolution", "720p"))
                    .json().path("generation_id").asText();
            awaitProgress(api, running, NEARLY_DONE);
            String handedBack = api.generate(Map.of("prompt", "waves on a pier, slow zoom", "resolution", "720p"))
                    .json().path("generation_id").asText();
            String queued = api.generate(Map.of("prompt", "forest in fog", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(handedBack, "processing", Duration.ofSeconds(30));
            JsonNode atSignal = api.get("/v1/video/" + running).json();
            assertEquals("processing", atSignal.path("status").asText(), "the first render still runs at the signal: " + atSignal);

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

            assertTrue(a.awaitExit(Duration.ofSeconds(90)), "the appliance stops once the drain is over");
            String log = a.log();
            int drainEnd = log.indexOf("drain timeout: 1 render(s) will be handed back");
            assertTrue(drainEnd > 0, "SIGTERM went through the drain and handed one render back");
            int finished = log.lastIndexOf("render completed", drainEnd);
            String finishedLine = finished < 0 ? "" : log.substring(log.lastIndexOf('\n', finished) + 1, log.indexOf('\n', finished));
            assertTrue(finished > log.lastIndexOf("SIGTERM: draining", drainEnd) && finishedLine.contains("generation_id=" + running),
                    "the render nearly done finished within the drain: " + finishedLine);
            // Derby removes db.lck only on a clean shutdown (SIGKILL leaves it, and the next boot recovers).
            assertFalse(Files.exists(a.dataDir().resolve("db").resolve("db.lck")), "Derby was shut down cleanly");

            a.boot();
            assertTrue(a.log().contains("Reelforge is ready"));
            JsonNode drained = api.get("/v1/video/" + running).json();
            assertEquals("completed", drained.path("status").asText(), "finished during the drain: " + drained);
            assertEquals(1, drained.path("attempts").asInt());
            JsonNode after = api.await(handedBack, Duration.ofMinutes(2));
            assertEquals("completed", after.path("status").asText(), after.toString());
            assertEquals(1, after.path("attempts").asInt(), "a clean stop does not spend an attempt");
            JsonNode later = api.await(queued, Duration.ofMinutes(2));
            assertEquals("completed", later.path("status").asText(), "the queued job runs after the restart");

            List<JsonNode> ledger = QuotaIT.ledger(api);
            for (String id : List.of(retried, doomed, running, handedBack, queued)) {
                assertEquals(1, ledger.stream().filter(e -> id.equals(e.path("generation_id").asText())
                        && "debit".equals(e.path("kind").asText())).count(), "one debit for " + id);
            }
            assertEquals(1, ledger.stream().filter(e -> doomed.equals(e.path("generation_id").asText())
                    && "refund".equals(e.path("kind").asText())).count());
            assertEquals(0, api.get("/v1/video?status=processing").json().path("data").size());
            assertEquals(before - 360, api.balance(), "four clips charged; the doomed one and the refused submission not");
            try (var files = Files.walk(a.dataDir().resolve("outputs"))) {
                List<String> partials = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
                assertEquals(List.of(), partials, "the kills' partial files are deleted at the next start");
            }
        }
    }

    /** Waits until a render has done this share of its frames (the pacing spreads them evenly over its time). */
    private static void awaitProgress(Api api, String id, double share) throws Exception {
        Instant deadline = Instant.now().plus(RENDER).plusSeconds(30);
        JsonNode g = api.get("/v1/video/" + id).json();
        while (!("processing".equals(g.path("status").asText()) && g.path("progress").asDouble() >= share)) {
            assertTrue(Instant.now().isBefore(deadline), id + " never reached " + share + " of its render; last: " + g);
            Thread.sleep(100);
            g = api.get("/v1/video/" + id).json();
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
