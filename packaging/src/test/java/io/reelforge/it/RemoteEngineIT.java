package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The remote engine against real upstreams: two more Reelforge appliances, whose {@code /v1/videos} is the
 * OpenAI-style surface the engine speaks. Upstream A renders as asked; upstream B makes 16 fps clips (the
 * sandbox's fps setting) and lets its account run one job at a time, so a second job there is answered 429.
 * Both take the same key. The consumer renders live keys on {@code remote} over both, two jobs each at most.
 * The tests run in order: the last ones stop the upstreams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteEngineIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    private Appliance upA;
    private Appliance upB;
    private Appliance consumer;
    private Api api;

    @BeforeAll
    void boot() throws Exception {
        String key = Appliance.newLiveKey();
        CompletableFuture<Appliance> a = CompletableFuture.supplyAsync(() -> start("upstream-a", Map.of("demo.api-key", key,
                "engine.sandbox.min-render-time", "PT3S", "render.slots", "4")));
        CompletableFuture<Appliance> b = CompletableFuture.supplyAsync(() -> start("upstream-b", Map.of("demo.api-key", key,
                "engine.sandbox.min-render-time", "PT3S", "engine.sandbox.fps", "16", "quota.concurrent-jobs", "1")));
        upA = a.join();
        upB = b.join();
        consumer = Appliance.start("consumer", Map.of(
                "engine.default", "remote",
                "engine.remote.upstreams", upA.baseUrl() + "/v1," + upB.baseUrl() + "/v1",
                "engine.remote.api-key", key,
                "engine.remote.max-in-flight", "2",
                "engine.remote.allow-addresses", "127.0.0.1",
                "engine.remote.health-interval", "PT1S",
                "engine.remote.poll-interval", "PT0.5S",
                "engine.remote.retries", "2",
                // Live, not /health (= ready, with the engine's check): the consumer is its own upstream in the last test.
                "engine.remote.health-path", "/health/live",
                "render.slots", "4"));
        api = consumer.api();
    }

    private static Appliance start(String name, Map<String, String> settings) {
        try {
            return Appliance.start(name, settings);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Appliance x : new Appliance[] {consumer, upA, upB}) {
            if (x != null) {
                x.close();
            }
        }
    }

    @Test
    @Order(1)
    void readinessAndTheAdminApiShowEveryUpstreamsHealthAndLoad() throws Exception {
        awaitDetail(upA.baseUrl() + "/v1 up, 0/2 in flight");
        awaitDetail(upB.baseUrl() + "/v1 up, 0/2 in flight");
        assertEquals("UP", engineCheck().path("status").asText());

        Api first = api.asConsoleUser("admin", consumer.firstAdminPassword());
        assertEquals(204, first.postJson("/v1/admin/password",
                Map.of("current", consumer.firstAdminPassword(), "password", "remote engine test passphrase")).status());
        JsonNode engines = api.asConsoleUser("admin", "remote engine test passphrase").get("/v1/admin/engines").json();
        JsonNode remote = null;
        for (JsonNode e : engines.path("data")) {
            if ("remote".equals(e.path("id").asText())) {
                remote = e;
            }
        }
        assertTrue(remote != null && remote.path("ready").asBoolean() && remote.path("default_engine").asBoolean(), engines.toString());
        assertTrue(remote.path("detail").asText().contains(upB.baseUrl() + "/v1 up, 0/2 in flight"), remote.toString());
        // The upstream key is never shown.
        assertTrue(!engines.toString().contains(upA.liveKey()), engines.toString());
    }

    @Test
    @Order(2)
    void theSixteenFpsUpstreamReallyMakesSixteenFpsFiles() throws Exception {
        Api b = upB.api();
        String id = b.postMultipart("/v1/videos", Map.of("prompt", "a sailing boat at sea", "size", "1280x720"), null, null,
                null, null).json().path("id").asText();
        JsonNode done = b.await(id, LIMIT);
        assertEquals("completed", done.path("status").asText(), done.toString());
        Ffprobe p = Ffprobe.of(b.download(done.path("output_url").asText(), Files.createTempFile("up-b-", ".mp4")));
        assertEquals("16/1", p.frameRate());
        assertEquals(80, p.frames());
    }

    @Test
    @Order(3)
    void liveClipsRenderThroughBothUpstreamsAreConvertedAndBusyAnswersCostNoAttempt() throws Exception {
        long before = api.balance();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(api.generate(Map.of("prompt", "a misty mountain valley at dawn " + i, "resolution", "720p"))
                    .json().path("generation_id").asText());
        }
        for (String id : ids) {
            JsonNode done = api.await(id, LIMIT);
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(1, done.path("attempts").asInt(), "a 429 is no attempt: " + done);
            Ffprobe p = Ffprobe.of(api.download(done.path("output_url").asText(), Files.createTempFile("remote-", ".mp4")));
            assertEquals("h264", p.codec());
            assertEquals("yuv420p", p.pixelFormat());
            assertEquals(1280, p.width());
            assertEquals(720, p.height());
            assertEquals("24/1", p.frameRate());
            assertEquals(120, p.frames());
            assertEquals(5.0, p.duration(), 0.1);
            assertEquals(200, api.getUrl(done.path("thumbnail_url").asText(), Map.of()).status());
        }
        assertEquals(before - 4 * 90, api.balance());
        // Both upstreams rendered (one job each at least), 4 in all: a job answered 429 was not rendered twice.
        long onA = debits(upA.api());
        long onB = debits(upB.api()) - 1;
        assertTrue(onA >= 1 && onB >= 1, "A " + onA + ", B " + onB);
        assertEquals(4, onA + onB);
        assertTrue(consumer.log().contains("answered 429"), "B's account runs one job at a time: a second gets 429");
        // Each finished upstream video was deleted after its download: nothing left on the upstreams.
        assertEquals(0, upA.api().get("/v1/videos").json().path("data").size());
        assertEquals(1, upB.api().get("/v1/videos").json().path("data").size());
    }

    @Test
    @Order(4)
    void imageToVideoSendsTheStartImageAsInputReference() throws Exception {
        BufferedImage red = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        var g = red.createGraphics();
        g.setColor(new Color(220, 20, 20));
        g.fillRect(0, 0, 1280, 720);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(red, "png", png);
        String id = api.generateMultipart(Map.of("prompt", "camera slowly zooms in", "resolution", "720p"),
                png.toByteArray(), "red.png", "image/png").json().path("generation_id").asText();
        JsonNode done = api.await(id, LIMIT);
        assertEquals("completed", done.path("status").asText(), done.toString());
        Path clip = api.download(done.path("output_url").asText(), Files.createTempFile("i2v-", ".mp4"));
        Path frame = Files.createTempFile("i2v-", ".png");
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", clip.toString(), "-vf", "select=eq(n\\,60)",
                "-frames:v", "1", frame.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        long[] rgb = mean(ImageIO.read(frame.toFile()));
        // The upstream's sandbox animates the start image it was sent: the clip is red, never a prompt scene.
        assertTrue(rgb[0] > 2 * rgb[1] && rgb[0] > 2 * rgb[2], "mean colour " + rgb[0] + "," + rgb[1] + "," + rgb[2]);
    }

    @Test
    @Order(5)
    void cancelReachesTheUpstream() throws Exception {
        // The upstreams' renders take a minute for this test (the host's live pacing setting), so the cancel comes
        // while the upstream renders, however slowly a loaded machine gets there (with 3 s, one came after the end: 409).
        String pace = "/ops/settings/reelforge.engine.sandbox.min-render-time";
        for (Appliance up : List.of(upA, upB)) {
            assertEquals(200, up.ops().putJson(pace, Map.of("value", "PT60S")).status());
        }
        try {
            long refundsBefore = refunds(upA.api()) + refunds(upB.api());
            String id = api.generate(Map.of("prompt", "a city skyline at night", "resolution", "720p"))
                    .json().path("generation_id").asText();
            api.awaitStatus(id, "processing", LIMIT);
            awaitUpstreamJob();
            assertEquals(200, api.post("/v1/video/" + id + "/cancel", "application/json", "{}").status());
            Instant deadline = Instant.now().plusSeconds(20);
            while (refunds(upA.api()) + refunds(upB.api()) == refundsBefore && Instant.now().isBefore(deadline)) {
                Thread.sleep(250);
            }
            assertEquals(refundsBefore + 1, refunds(upA.api()) + refunds(upB.api()), "the upstream job was canceled and refunded there");
            assertEquals("canceled", api.get("/v1/video/" + id).json().path("status").asText());
        } finally {
            for (Appliance up : List.of(upA, upB)) {
                assertEquals(200, up.ops().delete(pace).status(), "the upstream's pacing put back");
            }
        }
    }

    @Test
    @Order(6)
    void anUpstreamDownIsShownAndSkippedThenTheLastOneLostFailsAndRefunds() throws Exception {
        upB.stop();
        awaitDetail(upB.baseUrl() + "/v1 down");
        assertEquals("UP", engineCheck().path("status").asText(), "A still renders");
        String onA = api.generate(Map.of("prompt", "a forest in the rain", "resolution", "720p")).json().path("generation_id").asText();
        assertEquals("completed", api.await(onA, LIMIT).path("status").asText());

        long before = api.balance();
        String lost = api.generate(Map.of("prompt", "a desert at noon", "resolution", "720p")).json().path("generation_id").asText();
        api.awaitStatus(lost, "processing", LIMIT);
        awaitUpstreamJob();
        upA.kill();
        JsonNode failed = api.await(lost, LIMIT);
        assertEquals("failed", failed.path("status").asText(), failed.toString());
        assertTrue(failed.path("error_code").asText().startsWith("upstream."), failed.toString());
        assertEquals(before, api.balance(), "refunded");

        awaitDetail(upA.baseUrl() + "/v1 down");
        JsonNode engine = engineCheck();
        assertEquals("DOWN", engine.path("status").asText(), engine.toString());
        Api.Resp refused = api.generate(Map.of("prompt", "a quiet lake", "resolution", "720p"));
        assertEquals(503, refused.status(), refused.text());
        assertEquals("engine_not_ready", refused.errorCode());
        assertEquals(before, api.balance());
    }

    /**
     * With both configured upstreams gone, an admin adds one over the admin API (the consumer's own /v1/videos
     * with its test key, which renders on its sandbox): refused addresses and duplicates are refused, a test
     * shows up or why not, and a live clip renders through it with no restart; the key is stored sealed only.
     */
    @Test
    @Order(7)
    void anUpstreamAddedAtRunTimeIsTestedAndRendersAndItsKeyIsStoredSealed() throws Exception {
        Api admin = api.asConsoleUser("admin", "remote engine test passphrase");
        String self = consumer.baseUrl() + "/v1";
        String key = consumer.testKey();
        Api.Resp refused = admin.postJson("/v1/admin/upstreams", Map.of("base_url", "http://169.254.169.254/v1", "api_key", "k"));
        assertEquals(422, refused.status(), refused.text());
        assertEquals("address_refused", refused.errorCode());
        Api.Resp bad = admin.postJson("/v1/admin/upstreams", Map.of("base_url", "ftp://gpu-1/v1"));
        assertEquals("invalid_url", bad.errorCode(), bad.text());
        Api.Resp configured = admin.postJson("/v1/admin/upstreams", Map.of("base_url", upA.baseUrl() + "/v1"));
        assertEquals(409, configured.status(), configured.text());

        Api.Resp wrongKey = admin.postJson("/v1/admin/upstreams",
                Map.of("base_url", self.replace("127.0.0.1", "localhost"), "max_in_flight", 1, "api_key", "rf_test_not-a-key"));
        assertEquals(201, wrongKey.status(), wrongKey.text());
        JsonNode down = admin.post("/v1/admin/upstreams/" + wrongKey.json().path("id").asText() + "/test", "application/json", "").json();
        assertTrue(!down.path("up").asBoolean() && !down.path("detail").asText().isBlank(), down.toString());
        assertEquals(204, admin.patchJson("/v1/admin/upstreams/" + wrongKey.json().path("id").asText(), Map.of("enabled", false)).status());
        assertEquals(204, admin.delete("/v1/admin/upstreams/" + wrongKey.json().path("id").asText()).status());

        Api.Resp added = admin.postJson("/v1/admin/upstreams", Map.of("base_url", self, "max_in_flight", 2, "api_key", key));
        assertEquals(201, added.status(), added.text());
        String id = added.json().path("id").asText();
        assertEquals(409, admin.postJson("/v1/admin/upstreams", Map.of("base_url", self + "/")).status(), "one row per URL");
        JsonNode up = admin.post("/v1/admin/upstreams/" + id + "/test", "application/json", "").json();
        assertTrue(up.path("up").asBoolean(), up.toString());
        awaitDetail(self + " up, 0/2 in flight");
        assertEquals("UP", engineCheck().path("status").asText(), "no restart: the added upstream renders");
        JsonNode list = admin.get("/v1/admin/upstreams").json();
        assertEquals(3, list.path("data").size(), list.toString());
        assertTrue(!list.toString().contains(key), "the key is never shown");

        String clip = api.generate(Map.of("prompt", "a lighthouse in a storm", "resolution", "720p")).json().path("generation_id").asText();
        JsonNode done = api.await(clip, LIMIT);
        assertEquals("completed", done.path("status").asText(), done.toString());
        Ffprobe p = Ffprobe.of(api.download(done.path("output_url").asText(), Files.createTempFile("added-", ".mp4")));
        assertEquals(1280, p.width());
        assertEquals(120, p.frames());

        // The database holds the URL (the row is there) but never the key in clear.
        assertTrue(dbContains(self), "the upstream row is in the database files");
        assertTrue(!dbContains(key), "the key is stored sealed only");

        assertEquals(204, admin.patchJson("/v1/admin/upstreams/" + id, Map.of("enabled", false)).status());
        awaitDetail("no upstream");
        assertEquals("DOWN", engineCheck().path("status").asText());
        assertEquals(204, admin.delete("/v1/admin/upstreams/" + id).status());
        assertEquals(404, admin.delete("/v1/admin/upstreams/" + id).status());
    }

    /** Whether any file of the consumer's Derby database (tables and transaction log) holds {@code text}. */
    private boolean dbContains(String text) throws Exception {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var files = Files.walk(consumer.dataDir().resolve("db"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(f);
                outer:
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    for (int j = 0; j < needle.length; j++) {
                        if (hay[i + j] != needle[j]) {
                            continue outer;
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode engineCheck() throws Exception {
        JsonNode health = Api.JSON.readTree(api.get("/health/ready").bytes());
        for (JsonNode c : health.path("checks")) {
            if ("engine".equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError("no engine check: " + health);
    }

    private void awaitDetail(String part) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String detail = "";
        while (Instant.now().isBefore(deadline)) {
            detail = engineCheck().path("data").path("detail").asText();
            if (detail.contains(part)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("readiness never said '" + part + "': " + detail);
    }

    /** Waits until one upstream has a job of this consumer's (its in-flight count shows it). */
    private void awaitUpstreamJob() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (engineCheck().path("data").path("detail").asText().contains("1/2 in flight")) {
                Thread.sleep(700);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no upstream took the job");
    }

    private static long debits(Api upstream) throws Exception {
        return QuotaIT.ledger(upstream).stream().filter(e -> "debit".equals(e.path("kind").asText())).count();
    }

    private static long refunds(Api upstream) throws Exception {
        try {
            return QuotaIT.ledger(upstream).stream().filter(e -> "refund".equals(e.path("kind").asText())).count();
        } catch (java.io.IOException e) {
            return 0; // a stopped upstream
        }
    }

    private static long[] mean(BufferedImage img) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
        }
        long n = (long) img.getWidth() * img.getHeight();
        return new long[] {r / n, g / n, b / n};
    }
}
