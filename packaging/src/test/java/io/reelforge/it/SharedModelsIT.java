package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import io.reelforge.fixtures.TinyFixtures;

/**
 * Two appliances on one PostgreSQL database (fresh per run), one shared output root and one shared models dir: a
 * model version imported and activated on node A renders on node B, and an activation on A is B's next render
 * without a restart; an upstream added on A (its key sealed on A) is left out on B until B holds the cluster's
 * {@code upstream-keys.key}, then tests up and renders through B once B's live keys are switched to the remote engine
 * at run time. Renders on B are B's alone: A is stopped first.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class SharedModelsIT {

    private static final String WAN = "wan2.1-t2v-1.3b";
    private static final String PASSWORD = "shared models passphrase 17";
    static String database;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ItDatabase.create("reelforge_it_models_");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        ItDatabase.drop(database);
    }

    @Test
    void aVersionActivatedAndAnUpstreamAddedOnOneNodeWorkOnTheOther() throws Exception {
        TinyFixtures.pkg("tiny-wan"); // fails the test when the fixtures could not be built
        Path work = Path.of(System.getProperty("reelforge.it.workdir", "target/it"));
        String liveKey = Appliance.newLiveKey();
        Map<String, String> settings = new HashMap<>(Map.of(
                "db.url", ItDatabase.url(database),
                "db.user", ItDatabase.USER,
                "demo.api-key", liveKey,
                "storage.root", Files.createDirectories(tmp.resolve("outputs")).toString(),
                "engine.default", "djl",
                "engine.djl.models-dir", Files.createDirectories(tmp.resolve("models")).toString(),
                "engine.djl.cache-dir", work.resolve("djl-cache").toAbsolutePath().toString(),
                "engine.remote.allow-addresses", "127.0.0.1",
                "engine.remote.health-interval", "PT1S",
                "engine.remote.poll-interval", "PT0.5S"));
        settings.put("cluster.heartbeat", "PT1S");
        settings.put("shutdown.drain-timeout", "PT0S");
        Map<String, String> onA = new HashMap<>(settings);
        onA.put("node-id", "node-a");
        Map<String, String> onB = new HashMap<>(settings);
        onB.put("node-id", "node-b");
        // The upstream is the shared appliance (sandbox renders of 3 s), reached with a live key of an account of this class's own.
        Appliance upstream = SharedAppliance.get();
        String upstreamKey = SharedAppliance.account("shared models upstream", Map.of()).liveKey();
        try (Appliance a = Appliance.start("models-a", onA);
             Appliance b = Appliance.start("models-b", onB)) {
            Api first = a.api().asConsoleUser("admin", a.firstAdminPassword());
            assertEquals(204, first.postJson("/v1/admin/password",
                    Map.of("current", a.firstAdminPassword(), "password", PASSWORD)).status());
            Api adminA = a.api().asConsoleUser("admin", PASSWORD);
            Api adminB = b.api().asConsoleUser("admin", PASSWORD);

            // An upstream added on A: B cannot open its key until it holds the cluster's key file.
            Api.Resp added = adminA.postJson("/v1/admin/upstreams", Map.of("base_url", upstream.baseUrl() + "/v1",
                    "api_key", upstreamKey));
            assertEquals(201, added.status(), added.text());
            String upstreamId = added.json().path("id").asText();
            await(() -> b.log().contains("copy that node's upstream-keys.key into this node's keys folder"),
                    "B says which key file it lacks");
            assertTrue(Files.notExists(b.dataDir().resolve("keys/upstream-keys.key")), "B made no key of its own");
            JsonNode refused = adminB.post("/v1/admin/upstreams/" + upstreamId + "/test", "application/json", "").json();
            assertTrue(!refused.path("up").asBoolean() && refused.path("detail").asText().contains("node-a"), refused.toString());
            Files.copy(a.dataDir().resolve("keys/upstream-keys.key"),
                    Files.createDirectories(b.dataDir().resolve("keys")).resolve("upstream-keys.key"),
                    StandardCopyOption.REPLACE_EXISTING);
            JsonNode tested = adminB.post("/v1/admin/upstreams/" + upstreamId + "/test", "application/json", "").json();
            assertTrue(tested.path("up").asBoolean(), "B opens A's sealed key and the upstream takes it: " + tested);
            await(() -> detail(adminB, "remote").contains(upstream.baseUrl() + "/v1 up"), "B's remote engine has the upstream");

            // Versions imported and activated on A; B sees them within the refresh interval.
            Path imports = Files.createDirectories(a.dataDir().resolve("imports"));
            for (String v : new String[] {"1", "2"}) {
                Path pkg = TinyFixtures.copy("tiny-wan", imports, v);
                assertEquals(202, adminA.postJson("/v1/admin/models", Map.of("path", pkg.getFileName().toString())).status());
                await(() -> "ready".equals(adminA.get("/v1/admin/models/" + WAN + "/" + v).json().path("status").asText()),
                        WAN + "/" + v + " verified on A");
            }
            assertEquals(200, adminA.post("/v1/admin/models/" + WAN + "/1/activate", null, "").status());
            Instant activated = Instant.now();
            await(() -> "1".equals(engine(adminB, "djl").path("active_version").asText()), "B shows A's activation");
            assertTrue(Duration.between(activated, Instant.now()).toSeconds() < 5, "within 5 s");
            assertEquals(2, adminB.get("/v1/admin/models").json().path("data").size(), "B lists A's imports");

            a.stop();
            assertEquals("1", renderOn(b).path("model_version").asText(), "B renders the version A activated");

            a.boot();
            assertEquals(200, adminA.post("/v1/admin/models/" + WAN + "/2/activate", null, "").status());
            a.stop();
            JsonNode second = renderOn(b);
            assertEquals("2", second.path("model_version").asText(), "A's activation is B's next render, B not restarted");
            assertEquals("djl", second.path("engine").asText());

            // Live keys of B on the remote engine, switched at run time (no restart): the upstream A added renders B's clip.
            Api.Resp switched = adminB.putJson("/v1/admin/settings/live/reelforge.engine.default", Map.of("value", "remote"));
            assertEquals(200, switched.status(), switched.text());
            assertTrue(engine(adminB, "remote").path("default_engine").asBoolean(), "in effect when the call returns");
            JsonNode remote = renderOn(b);
            assertEquals("remote", remote.path("engine").asText(), remote.toString());
            assertEquals(200, adminB.delete("/v1/admin/settings/live/reelforge.engine.default").status());
            assertEquals("djl", renderOn(b).path("engine").asText(), "back to the configured engine");
        }
    }

    private static JsonNode renderOn(Appliance node) throws Exception {
        Api.Resp r = node.api().generate(Map.of("prompt", "a red fox runs through the snow", "resolution", "720p", "seed", 7));
        assertEquals(202, r.status(), r.text());
        JsonNode done = node.api().await(r.json().path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText(), done.toString());
        return done;
    }

    private static JsonNode engine(Api admin, String id) throws Exception {
        for (JsonNode e : admin.get("/v1/admin/engines").json().path("data")) {
            if (id.equals(e.path("id").asText())) {
                return e;
            }
        }
        throw new AssertionError("no engine " + id);
    }

    private static String detail(Api admin, String id) throws Exception {
        return engine(admin, id).path("detail").asText();
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!condition.call()) {
            assertTrue(Instant.now().isBefore(deadline), what + ": not after 120 s");
            Thread.sleep(250);
        }
    }
}
