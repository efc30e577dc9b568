package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several appliances as one (docs/database.md, "Several appliances on one PostgreSQL"): three nodes on one
 * PostgreSQL database (fresh per run) and one shared output root. Sixty jobs through both APIs and both kinds of key, one node killed
 * mid-render, a cancel on one node of a render on another, the killed node restarted while the others render,
 * and a node refused for a schema it cannot work with. Then: nothing lost or stuck, one debit (and at most one
 * refund) per generation, every clip served by every node. A second appliance on a Derby data folder is refused.
 */
class ClusterIT {

    private static final String USER = ItDatabase.USER;
    private static final Duration LEASE = Duration.ofSeconds(6);
    /** How long past the lease a lost node's renders may take to start again elsewhere. */
    private static final Duration TAKEOVER_SLACK = Duration.ofSeconds(5);
    private static final int SLOTS = 2;
    private static String database;

    private static ItDatabase.Sql sql;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ItDatabase.create("rf_cluster_it_");
        sql = new ItDatabase.Sql(database);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (sql != null) {
            sql.close();
        }
        ItDatabase.drop(database);
    }

    @Test
    void threeNodesAreOneApplianceThroughAKillACancelAndARestart() throws Exception {
        Path shared = Files.createDirectories(Path.of(System.getProperty("reelforge.it.workdir", "target/it"))
                .resolve("cluster-shared-" + System.currentTimeMillis()));
        String liveKey = Appliance.newLiveKey();
        Appliance a = Appliance.start("cluster-a", settings(shared, liveKey, "node-a"));
        Appliance b = Appliance.create("cluster-b", settings(shared, liveKey, "node-b"));
        Appliance c = Appliance.create("cluster-c", settings(shared, liveKey, "node-c"));
        try (a; b; c) {
            CompletableFuture<Void> bootB = CompletableFuture.runAsync(() -> boot(b));
            boot(c);
            bootB.join();
            String testKey = a.testKey();
            for (Appliance n : List.of(a, b, c)) {
                JsonNode ready = n.api().get("/health/ready").json();
                JsonNode member = null;
                for (JsonNode check : ready.path("checks")) {
                    member = "cluster".equals(check.path("name").asText()) ? check : member;
                }
                assertTrue(member != null && "UP".equals(member.path("status").asText())
                        && member.path("data").path("nodes_up").asInt() == 3, ready.toString());
            }
            assertEquals("3", psql("select count(*) from rf_node where leftat is null and leaseuntil > now() - interval '2 seconds'"));
            long before = a.api().balance();

            Map<String, Boolean> live = new LinkedHashMap<>();
            List<Appliance> nodes = List.of(a, b, c);
            for (int i = 0; i < 60; i++) {
                Api api = nodes.get(i % 3).api();
                String prompt = "cluster clip " + i + ": a lighthouse at dusk, slow pan";
                switch ((i / 3) % 3) {
                    case 0 -> live.put(submitted(api.generate(Map.of("prompt", prompt, "resolution", "720p")), "generation_id"), true);
                    case 1 -> live.put(submitted(api.postMultipart("/v1/videos", Map.of("prompt", prompt, "seconds", "5",
                            "size", "1280x720", "model", "sandbox"), null, null, null, null), "id"), true);
                    default -> live.put(submitted(api.withKey(testKey).generate(Map.of("prompt", prompt, "resolution", "720p")),
                            "generation_id"), false);
                }
            }

            // A node killed mid-render: its claims are taken back once its lease lapses, and the survivors stay full.
            awaitSql("select count(*) > 0 from rf_generation where status = 'PROCESSING' and rendernode = 'node-c'", "t",
                    Duration.ofMinutes(2));
            c.kill();
            Instant killed = Instant.now();
            awaitSql("select count(*) from rf_generation where status = 'PROCESSING' and rendernode = 'node-c'", "0",
                    LEASE.plus(TAKEOVER_SLACK).plusSeconds(2));
            Duration takeover = Duration.between(killed, Instant.now());
            assertTrue(takeover.compareTo(LEASE.plus(TAKEOVER_SLACK)) <= 0, "the lost node's renders taken back after " + takeover);
            awaitSql("select count(*) from rf_generation where status = 'PROCESSING' and rendernode in ('node-a', 'node-b')",
                    String.valueOf(2 * SLOTS), Duration.ofSeconds(3));
            assertTrue(Integer.parseInt(psql("select count(*) from rf_generation where status = 'QUEUED'")) > 0,
                    "the survivors were full while jobs still waited (the test needs a longer queue otherwise)");
            // Taken back to the head of the queue: it starts at the survivors' next free slot (one render's time).
            awaitSql("select count(*) > 0 from rf_generation where status in ('PROCESSING', 'COMPLETED') and attempts = 2",
                    "t", Duration.ofSeconds(25));

            // A cancel that comes in on node A stops the render on node B within 2 s.
            String onB = psql("select id from rf_generation where status = 'PROCESSING' and rendernode = 'node-b'"
                    + " order by startedat desc limit 1");
            Api.Resp cancel = a.api().post("/v1/video/" + onB + "/cancel", "application/json", "");
            Instant canceled = Instant.now();
            assertEquals(200, cancel.status(), cancel.text());
            while (b.log().lines().noneMatch(l -> l.contains("generation_id=" + onB) && l.contains("render canceled"))) {
                assertTrue(Duration.between(canceled, Instant.now()).toMillis() < 2000, "node B still renders " + onB);
                Thread.sleep(50);
            }

            // The killed node comes back while the others render: it leaves their renders alone.
            Map<String, String> renderingElsewhere = new HashMap<>();
            psql("select id || ' ' || attempts from rf_generation where status = 'PROCESSING'").lines()
                    .map(l -> l.split(" ")).forEach(p -> renderingElsewhere.put(p[0], p[1]));
            assertTrue(!renderingElsewhere.isEmpty(), "renders in progress while the node restarts");
            c.boot();

            awaitSql("select count(*) from rf_generation where status in ('QUEUED', 'PROCESSING')", "0", Duration.ofMinutes(6));
            renderingElsewhere.forEach((id, attempts) -> {
                try {
                    assertEquals(attempts, psql("select attempts from rf_generation where id = '" + id + "'"),
                            "the restart took nothing of " + id);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });

            // Nothing lost, nothing charged twice: every job completed but the canceled one, with its refund.
            for (Map.Entry<String, Boolean> job : live.entrySet()) {
                String id = job.getKey();
                boolean wasCanceled = id.equals(onB);
                assertEquals(wasCanceled ? "CANCELED" : "COMPLETED", psql("select status from rf_generation where id = '" + id + "'"), id);
                int charged = job.getValue() ? 1 : 0;
                assertEquals(String.valueOf(charged), ledger(id, "DEBIT"), "debits of " + id);
                assertEquals(String.valueOf(wasCanceled ? charged : 0), ledger(id, "REFUND"), "refunds of " + id);
            }
            long liveCompleted = live.entrySet().stream().filter(e -> e.getValue() && !e.getKey().equals(onB)).count();
            assertEquals(before - 90 * liveCompleted, a.api().balance());

            // One shared root: every node serves every clip, the same bytes.
            for (String id : live.keySet()) {
                if (id.equals(onB)) {
                    continue;
                }
                byte[] first = null;
                for (Appliance n : nodes) {
                    Api.Resp clip = n.api().get("/v1/videos/" + id + "/content");
                    assertEquals(200, clip.status(), n.baseUrl() + " " + id + ": " + clip.text());
                    if (first == null) {
                        first = clip.bytes();
                        assertTrue(first.length > 1000);
                    } else {
                        assertArrayEquals(first, clip.bytes(), id);
                    }
                }
            }

            // A node older than the schema refuses to start and says why.
            psql("insert into databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, labels)"
                    + " values ('9999-from-the-future', 'it', 'future.xml', now(), 9999, 'EXECUTED', 'min-node-level-99')");
            Appliance old = Appliance.create("cluster-old", settings(shared, liveKey, "node-old"));
            assertThrows(IllegalStateException.class, old::boot);
            assertEquals(3, old.awaitExitStatus(Duration.ofSeconds(30)));
            assertTrue(old.log().contains("needs nodes of schema level 99") && old.log().contains("9999-from-the-future"),
                    "the refusal says why");
            psql("delete from databasechangelog where id = '9999-from-the-future'");
        }
    }

    @Test
    @SharedAppliance.LooksOnly
    void aSecondApplianceOnADerbyDataFolderIsRefused() throws Exception {
        // The first is the shared appliance (embedded Derby, default settings): the refused start must leave it be.
        Appliance first = SharedAppliance.get();
        Appliance second = Appliance.create("derby-second", Map.of("data-dir", first.dataDir().toString()));
        assertThrows(IllegalStateException.class, second::boot);
        assertEquals(3, second.awaitExitStatus(Duration.ofSeconds(30)));
        assertTrue(second.log().contains("another Reelforge appliance is already running on the data folder"), second.log());
        assertEquals(200, first.api().get("/v1/account").status(), "the first appliance runs on");
        assertEquals(200, first.ops().get("/ops/ledger/reconciliation").status(), "with its maintenance token untouched");
    }

    private static Map<String, String> settings(Path shared, String liveKey, String nodeId) {
        Map<String, String> s = new HashMap<>();
        s.put("db.url", ItDatabase.url(database));
        s.put("db.user", USER);
        s.put("node-id", nodeId);
        s.put("demo.api-key", liveKey);
        s.put("demo.grant", "1000000");
        s.put("storage.root", shared.toAbsolutePath().toString());
        s.put("render.slots", String.valueOf(SLOTS));
        // Slow enough that renders overlap the kill and the cancel; few frames, so the two cores wait rather than encode.
        s.put("engine.sandbox.min-render-time", "PT6S");
        s.put("engine.sandbox.fps", "8");
        s.put("cluster.heartbeat", "PT1S");
        s.put("cluster.lease", "PT" + LEASE.toSeconds() + "S");
        s.put("quota.concurrent-jobs", "100");
        s.put("ratelimit.requests-per-minute", "100000");
        s.put("shutdown.drain-timeout", "PT0S");
        return s;
    }

    private static void boot(Appliance n) {
        try {
            n.boot();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String submitted(Api.Resp r, String idField) {
        assertTrue(r.status() == 200 || r.status() == 202, r.status() + " " + r.text());
        return r.json().path(idField).asText();
    }

    private static String ledger(String generationId, String kind) throws Exception {
        return psql("select count(*) from rf_ledger where generationid = '" + generationId + "' and kind = '" + kind + "'");
    }

    private static void awaitSql(String sql, String expected, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        String last = psql(sql);
        while (!expected.equals(last)) {
            assertTrue(Instant.now().isBefore(deadline), sql + " is " + last + ", not " + expected + " after " + limit
                    + "; jobs: " + psql("select status || '@' || coalesce(rendernode, '-') || ' ' || count(*) from rf_generation"
                    + " group by status, rendernode"));
            Thread.sleep(100);
            last = psql(sql);
        }
    }

    /** The database's answer, as {@code psql -tAc} would print it (one connection for the class: see ItDatabase.Sql). */
    private static String psql(String query) throws Exception {
        return sql.query(query);
    }
}
