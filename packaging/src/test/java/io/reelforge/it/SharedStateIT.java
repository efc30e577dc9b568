package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two appliances on one PostgreSQL database (fresh per run) and one shared output root behave as one for what
 * they share: a URL signed on one downloads on the other (after a key rotation too, and a cut-off reaches both),
 * the request rate window of a key holds across both, a setting changed on one is in effect on the other within
 * 5 s, every webhook is delivered once with two senders, and retention expires each clip once (a retention cut on A
 * through the live settings, which both nodes follow).
 */
class SharedStateIT {

    private static final String ADMIN_PASSWORD = "a long shared-state passphrase";
    static String database;

    @TempDir
    Path tmp;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = ItDatabase.create("reelforge_it_shared_");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        ItDatabase.drop(database);
    }

    @Test
    void twoAppliancesShareRatesSettingsKeysWebhooksAndRetention() throws Exception {
        Path outputs = Files.createDirectories(tmp.resolve("shared-outputs"));
        Map<String, String> settings = new HashMap<>(Map.of(
                "db.url", ItDatabase.url(database),
                "db.user", ItDatabase.USER,
                "demo.api-key", Appliance.newLiveKey(),
                "storage.root", outputs.toString(),
                "engine.sandbox.min-render-time", "PT1S",
                "output.retention", "PT1H",
                "retention.interval", "PT2S",
                "webhooks.allow-addresses", "127.0.0.1",
                "webhooks.poll-interval", "PT1S",
                "ratelimit.requests-per-minute.pro", "6"));
        try (Receiver receiver = new Receiver();
             Appliance a = Appliance.start("shared-a", settings);
             Appliance b = Appliance.start("shared-b", settings)) {
            Api onA = a.api();
            Api onB = b.api();
            Api printed = onA.asConsoleUser("admin", a.firstAdminPassword());
            assertEquals(204, printed.postJson("/v1/admin/password",
                    Map.of("current", a.firstAdminPassword(), "password", ADMIN_PASSWORD)).status());
            Api adminA = onA.asConsoleUser("admin", ADMIN_PASSWORD);
            Api adminB = onB.asConsoleUser("admin", ADMIN_PASSWORD);
            assertEquals(201, onA.postJson("/v1/webhooks", Map.of("url", receiver.url("/hook"))).status());

            // Clips submitted on both nodes; wherever each renders, every node serves it through one key.
            List<String> ids = new ArrayList<>();
            for (Api api : List.of(onA, onB, onA)) {
                Api.Resp r = api.generate(Map.of("prompt", "fog over a harbour at dawn", "resolution", "720p"));
                assertEquals(202, r.status(), r.text());
                ids.add(r.json().path("generation_id").asText());
            }
            Map<String, JsonNode> done = new LinkedHashMap<>();
            for (String id : ids) {
                JsonNode g = onB.await(id, Duration.ofMinutes(4));
                assertEquals("completed", g.path("status").asText(), g.toString());
                done.put(id, g);
            }
            for (JsonNode g : done.values()) {
                String video = g.path("output_url").asText();
                assertTrue(video.startsWith(b.baseUrl()), "node B signed its own answer: " + video);
                assertEquals(200, onA.getUrl(on(a, video), Map.of()).status(), "a URL signed on B downloads on A");
                assertEquals(200, onA.getUrl(on(a, g.path("thumbnail_url").asText()), Map.of()).status());
            }
            String first = ids.get(0);
            String signedOnA = onA.get("/v1/video/" + first).json().path("output_url").asText();
            assertEquals(200, onB.getUrl(on(b, signedOnA), Map.of()).status(), "a URL signed on A downloads on B");

            // A rotation on A: the old key verifies during its grace on both; new URLs from A work on B at once.
            Api.Resp rotated = adminA.postJson("/v1/admin/settings/url-key/rotate", Map.of("cut_off", false));
            assertEquals(200, rotated.status(), rotated.text());
            assertTrue(rotated.json().path("previous_url_key_valid_until").isTextual(), rotated.text());
            String afterRotation = onA.get("/v1/video/" + first).json().path("output_url").asText();
            assertTrue(!afterRotation.equals(signedOnA), "A signs with the new key");
            assertEquals(200, onB.getUrl(on(b, afterRotation), Map.of()).status(), "B accepts the new key at once");
            assertEquals(200, onB.getUrl(on(b, signedOnA), Map.of()).status(), "and the old one during the grace");
            // Cut off: the old URLs stop on B too, within the refresh interval.
            assertEquals(200, adminA.postJson("/v1/admin/settings/url-key/rotate", Map.of("cut_off", true)).status());
            assertEquals(403, awaitStatus(onB, on(b, afterRotation), 403, Duration.ofSeconds(5)),
                    "a cut-off key is refused on B within 5 s");

            // One rate window per key across the nodes: a key on a plan with 6 requests a minute.
            JsonNode account = adminA.postJson("/v1/admin/accounts", Map.of("name", "rates", "plan", "pro")).json();
            String key = adminA.postJson("/v1/admin/accounts/" + account.path("id").asText() + "/keys",
                    Map.of("mode", "live", "name", "rates")).json().path("key").asText();
            int allowed = 0;
            int limited = 0;
            for (int i = 0; i < 5; i++) {
                for (Api node : List.of(onA.withKey(key), onB.withKey(key))) {
                    Api.Resp r = node.get("/v1/account");
                    if (r.status() == 200) {
                        allowed++;
                    } else {
                        ErrorsIT.assertError(r, 429, "rate_limit_exceeded", null);
                        limited++;
                    }
                }
            }
            assertEquals(6, allowed, "the plan's 6 requests a minute, counted over both nodes");
            assertEquals(4, limited);

            // Retention, cut to a second on A through the live settings (a clip's expiry is set when it completes, so
            // the clips above keep theirs): two more clips, one submitted on each node, expire once each (one
            // video.expired message each), wherever they rendered and whichever node's retention job came first.
            Api.Resp cut = adminA.putJson("/v1/admin/settings/live/reelforge.output.retention", Map.of("value", "PT1S"));
            assertEquals(200, cut.status(), cut.text());
            assertEquals("PT1S", liveValue(adminB, "reelforge.output.retention"), "stored where B reads it");
            // In effect on B at its next re-read of the stored settings, which comes within 5 s (SharedStateRefresh).
            Thread.sleep(5_000);
            List<String> expiring = new ArrayList<>();
            for (Api api : List.of(onA, onB)) {
                Api.Resp r = api.generate(Map.of("prompt", "a lighthouse beam in rain", "resolution", "720p"));
                assertEquals(202, r.status(), r.text());
                expiring.add(r.json().path("generation_id").asText());
            }
            for (String id : expiring) {
                assertEquals("expired", onA.awaitStatus(id, "expired", Duration.ofMinutes(5)).path("status").asText());
            }
            Thread.sleep(5_000); // both nodes' senders and retention jobs get more turns
            Map<String, Integer> messages = new HashMap<>();
            for (Receiver.Hit hit : receiver.hits("/hook")) {
                JsonNode body = Api.JSON.readTree(hit.body());
                messages.merge(body.path("type").asText() + " " + body.path("data").path("generation_id").asText(), 1, Integer::sum);
            }
            for (String id : ids) {
                assertEquals(1, messages.getOrDefault("video.completed " + id, 0), "completed delivered once: " + messages);
                assertEquals(0, messages.getOrDefault("video.expired " + id, 0), "kept for an hour: " + messages);
            }
            for (String id : expiring) {
                assertEquals(1, messages.getOrDefault("video.completed " + id, 0), "completed delivered once: " + messages);
                assertEquals(1, messages.getOrDefault("video.expired " + id, 0), "expired once, delivered once: " + messages);
            }
            assertEquals(expiring.size(), expiredInLogs(a) + expiredInLogs(b), "retention expired each clip on one node only");

            // A setting changed on A is in effect on B within 5 s.
            Api.Resp changed = adminA.patchJson("/v1/admin/settings", Map.of("retention_days", 30));
            assertEquals(200, changed.status(), changed.text());
            Instant changedAt = Instant.now();
            while (adminB.get("/v1/admin/settings").json().path("retention_days").asInt() != 30) {
                assertTrue(Duration.between(changedAt, Instant.now()).toMillis() < 5_000, "B still has the old retention after 5 s");
                Thread.sleep(100);
            }
        }
    }

    /** The same signed URL, asked of another node (the public URL names the node that signed it). */
    private static String on(Appliance node, String url) {
        return url.replaceFirst("^http://127\\.0\\.0\\.1:\\d+", node.baseUrl());
    }

    private static int awaitStatus(Api api, String url, int status, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        int last;
        do {
            last = api.getUrl(url, Map.of()).status();
            if (last == status) {
                return last;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        return last;
    }

    /** The value a node lists for a live setting (null while none is set). */
    private static String liveValue(Api admin, String name) throws Exception {
        for (JsonNode s : admin.get("/v1/admin/settings/live").json().path("data")) {
            if (name.equals(s.path("name").asText())) {
                return s.path("value").isNull() ? null : s.path("value").asText();
            }
        }
        throw new AssertionError(name + " is not listed");
    }

    private static int expiredInLogs(Appliance node) throws Exception {
        int n = 0;
        Matcher m = Pattern.compile("retention: expired (\\d+) outputs").matcher(node.log());
        while (m.find()) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }
}
