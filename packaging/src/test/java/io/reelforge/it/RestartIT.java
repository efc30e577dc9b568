package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The appliance killed with SIGKILL mid-render: on restart the job is retried once, and a job interrupted
 * twice fails and is refunded; none stays processing, none is charged twice. A SIGTERM hands the render
 * back without spending an attempt.
 */
class RestartIT {

    @Test
    void killedMidRender() throws Exception {
        // No drain time: a SIGTERM hands the render back at once (ShutdownIT covers finishing it).
        try (Appliance a = Appliance.start("restart", Map.of("engine.sandbox.min-render-time", "PT8S",
                "shutdown.drain-timeout", "PT0S"))) {
            Api api = a.api();
            long before = api.balance();
            String retried = api.generate(Map.of("prompt", "drone glide over a forest", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(retried, "processing", Duration.ofSeconds(30));
            a.kill();
            a.boot();
            JsonNode done = api.await(retried, Duration.ofMinutes(2));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(2, done.path("attempts").asInt());
            assertEquals(before - 90, api.balance());

            String doomed = api.generate(Map.of("prompt", "city skyline at dusk", "resolution", "720p"))
                    .json().path("generation_id").asText();
            for (int kill = 0; kill < 2; kill++) {
                api.awaitStatus(doomed, "processing", Duration.ofSeconds(60));
                a.kill();
                a.boot();
            }
            JsonNode failed = api.await(doomed, Duration.ofSeconds(30));
            assertEquals("failed", failed.path("status").asText(), failed.toString());
            assertEquals("render.interrupted", failed.path("error_code").asText());
            assertEquals(before - 90, api.balance());

            String handedBack = api.generate(Map.of("prompt", "sea at sunset, pan", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(handedBack, "processing", Duration.ofSeconds(30));
            a.stop();
            assertTrue(a.log().contains("Reelforge is ready"));
            assertTrue(a.log().contains("drain timeout: 1 render(s) will be handed back"), "SIGTERM went through the drain");
            assertTrue(!java.nio.file.Files.exists(a.dataDir().resolve("db").resolve("db.lck")), "Derby was shut down cleanly");
            a.boot();
            JsonNode after = api.await(handedBack, Duration.ofMinutes(2));
            assertEquals("completed", after.path("status").asText(), after.toString());
            assertEquals(1, after.path("attempts").asInt(), "a clean stop does not spend an attempt");

            List<JsonNode> ledger = QuotaIT.ledger(api);
            for (String id : List.of(retried, doomed, handedBack)) {
                assertEquals(1, ledger.stream().filter(e -> id.equals(e.path("generation_id").asText())
                        && "debit".equals(e.path("kind").asText())).count(), "one debit for " + id);
            }
            assertEquals(1, ledger.stream().filter(e -> doomed.equals(e.path("generation_id").asText())
                    && "refund".equals(e.path("kind").asText())).count());
            assertEquals(0, api.get("/v1/video?status=processing").json().path("data").size());
            assertEquals(before - 180, api.balance());
            try (var files = java.nio.file.Files.walk(a.dataDir().resolve("outputs"))) {
                List<String> partials = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
                assertEquals(List.of(), partials, "the kills' partial files are deleted at the next start");
            }
        }
    }
}
