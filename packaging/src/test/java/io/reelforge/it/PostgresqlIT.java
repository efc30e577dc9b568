package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle on PostgreSQL instead of the embedded Derby: a fresh database per run (created with createdb on
 * the local server, dropped afterwards), the schema made by the migrations, the reference flow, a restart on
 * the same data, a clustered job store, and the password from the properties file never in the log.
 */
class PostgresqlIT {

    static final String HOST = ItDatabase.HOST;
    static final String USER = ItDatabase.USER;
    static String database;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ItDatabase.create("reelforge_it_");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        ItDatabase.drop(database);
    }

    @Test
    void referenceFlowOnPostgresql() throws Exception {
        String password = "pg-secret-" + UUID.randomUUID();
        Path config = tmp.resolve("reelforge.properties");
        Files.writeString(config, "reelforge.db.password=" + password + "\n");
        Map<String, String> settings = Map.of(
                "db.url", ItDatabase.url(database),
                "db.user", USER,
                "config-file", config.toString(),
                "engine.sandbox.min-render-time", "PT1S");
        try (Appliance a = Appliance.start("postgresql", settings)) {
            Api api = a.api();
            long before = api.balance();
            Api.Resp submit = api.post("/v1/video/generate", "application/json", """
                    {"prompt": "A cinematic drone shot gliding over a misty mountain valley at dawn",
                     "resolution": "720p", "duration": 5}""");
            assertEquals(202, submit.status(), submit.text());
            String id = submit.json().path("generation_id").asText();
            JsonNode done = api.await(id, Duration.ofMinutes(3));
            assertEquals("completed", done.path("status").asText(), done.toString());
            Ffprobe probe = Ffprobe.of(api.download(done.path("output_url").asText(), tmp.resolve("clip.mp4")));
            assertEquals("h264", probe.codec());
            assertEquals(1280, probe.width());
            assertEquals(120, probe.frames());
            assertEquals(before - 90, api.balance());

            assertEquals("1", psql("select count(*) from rf_generation where id = '" + id + "' and status = 'COMPLETED'"),
                    "the generation is a row in PostgreSQL");
            assertEquals("1", psql("select count(*) from rf_ledger where generationid = '" + id + "' and kind = 'DEBIT'"));
            assertTrue(Integer.parseInt(psql("select count(*) from databasechangelog")) > 0, "migrated by Liquibase");

            // The balance kept on the account row (0015) agrees with the ledger; one changed around the ledger is
            // what the host's reconciliation reports, by how much.
            String account = psql("select accountid from rf_generation where id = '" + id + "'");
            assertEquals(String.valueOf(before - 90), psql("select balance from rf_account where id = '" + account + "'"));
            assertEquals(0, a.ops().get("/ops/ledger/reconciliation").json().path("mismatches").size());
            psql("update rf_account set balance = balance + 7 where id = '" + account + "'");
            JsonNode off = a.ops().get("/ops/ledger/reconciliation").json().path("mismatches");
            assertEquals(1, off.size(), off.toString());
            assertEquals(account, off.get(0).path("account_id").asText());
            assertEquals(before - 90 + 7, off.get(0).path("balance").asLong());
            assertEquals(before - 90, off.get(0).path("ledger_sum").asLong());
            assertEquals(7, off.get(0).path("difference").asLong());
            psql("update rf_account set balance = balance - 7 where id = '" + account + "'");
            assertFalse(Files.exists(a.dataDir().resolve("db")), "no embedded Derby database was made");

            a.stop();
            a.boot();
            assertEquals("completed", api.get("/v1/video/" + id).json().path("status").asText(), "kept over a restart");
            assertEquals(before - 90, api.balance());

            String log = a.log();
            assertTrue(log.contains("schema migrated") && log.contains("schema is up to date"), "first start migrates, the second has nothing to do");
            assertTrue(log.contains("job runner started") && log.contains("clustered as"), "a clustered job store on PostgreSQL");
            assertFalse(log.contains(password), "the database password never reaches the log");
        }
    }

    private static String psql(String sql) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", HOST, "-U", USER, "-d", database, "-tAc", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
