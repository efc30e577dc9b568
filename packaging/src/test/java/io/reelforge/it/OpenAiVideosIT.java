package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenAI-shaped {@code /v1/videos} surface over the same jobs and ledger: its shapes, refusals, paging,
 * delete and ranged content over plain HTTP, then the official {@code openai} Node package end to end.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class OpenAiVideosIT {

    private static Appliance appliance;
    private static Api api;

    @BeforeAll
    static void boot() throws Exception {
        appliance = SharedAppliance.get();
        api = appliance.api();
    }

    private static JsonNode create(Map<String, String> fields) throws Exception {
        Api.Resp r = api.postMultipart("/v1/videos", fields, null, null, null, null);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void aVideoIsAJobOfTheNativeApiChargedOnTheSameLedger() throws Exception {
        long before = api.balance();
        JsonNode v = create(Map.of("prompt", "A red fox runs through the snow", "seconds", "5", "size", "1280x720",
                "model", "sandbox"));
        assertEquals("video", v.path("object").asText());
        assertTrue(List.of("queued", "in_progress").contains(v.path("status").asText()), v.toString());
        assertEquals("sandbox", v.path("model").asText());
        assertEquals("5", v.path("seconds").asText());
        assertTrue(v.path("created_at").isIntegralNumber() && v.path("progress").isInt(), v.toString());
        assertTrue(v.path("completed_at").isNull() && v.path("error").isNull());
        assertEquals(before - 90, api.balance(), "the same price, on the same ledger");
        String id = v.path("id").asText();
        assertEquals("in_progress", waitFor(id, "in_progress").path("status").asText());
        JsonNode done = api.await(id, Duration.ofSeconds(60));
        JsonNode openAi = api.get("/v1/videos/" + id).json();
        assertEquals("completed", openAi.path("status").asText());
        assertEquals(100, openAi.path("progress").asInt());
        assertEquals(java.time.Instant.parse(done.path("completed_at").asText()).getEpochSecond(), openAi.path("completed_at").asLong());
        assertEquals(java.time.Instant.parse(done.path("expires_at").asText()).getEpochSecond(), openAi.path("expires_at").asLong());

        Api.Resp whole = api.get("/v1/videos/" + id + "/content");
        assertEquals(200, whole.status());
        assertEquals("video/mp4", whole.header("Content-Type"));
        assertEquals("ftyp", new String(whole.bytes(), 4, 4, StandardCharsets.ISO_8859_1));
        Api.Resp part = api.getWith("/v1/videos/" + id + "/content?variant=video", Map.of("Range", "bytes=100-199"));
        assertEquals(206, part.status());
        assertEquals("bytes 100-199/" + whole.bytes().length, part.header("Content-Range"));
        assertEquals(100, part.bytes().length);
        Api.Resp thumb = api.get("/v1/videos/" + id + "/content?variant=thumbnail");
        assertEquals("image/jpeg", thumb.header("Content-Type"));
        BufferedImage poster = ImageIO.read(new java.io.ByteArrayInputStream(thumb.bytes()));
        assertEquals(1280, poster.getWidth());
        assertEquals(720, poster.getHeight());
        Api.Resp sprites = api.get("/v1/videos/" + id + "/content?variant=spritesheet");
        assertEquals(400, sprites.status());
        assertEquals("unsupported_variant", sprites.errorCode());
        assertEquals(401, api.withKey(null).get("/v1/videos/" + id + "/content").status());
    }

    private static JsonNode waitFor(String id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode v;
        do {
            v = api.get("/v1/videos/" + id).json();
            if (status.equals(v.path("status").asText()) || "completed".equals(v.path("status").asText())) {
                return v;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError(id + " never became " + status + ": " + v);
    }

    @Test
    void whatCannotBeHonouredIsA400InOpenAisErrorShape() throws Exception {
        String[][] cases = {{"size", "1024x1792", "unsupported_size"}, {"size", "big", "unsupported_size"},
                {"seconds", "8", "unsupported_seconds"}, {"model", "sora-2", "unsupported_model"}};
        for (String[] c : cases) {
            Api.Resp r = api.postMultipart("/v1/videos", Map.of("prompt", "p", c[0], c[1]), null, null, null, null);
            assertEquals(400, r.status(), r.text());
            JsonNode e = r.json().path("error");
            assertEquals(c[2], e.path("code").asText());
            assertEquals(c[0], e.path("param").asText());
            assertEquals("invalid_request_error", e.path("type").asText());
            assertFalse(e.path("message").asText().isBlank());
        }
        Api.Resp json = api.postJson("/v1/videos", Map.of("prompt", "p", "seconds", 5));
        assertEquals(400, json.status());
        assertEquals("invalid_type", json.errorCode());
        assertEquals(400, api.postJson("/v1/videos", Map.of("size", "1280x720")).status(), "prompt is required");
        Api.Resp notPicture = api.postMultipart("/v1/videos", Map.of("prompt", "p"), "input_reference",
                "not an image".getBytes(StandardCharsets.UTF_8), "x.txt", "text/plain");
        assertEquals(415, notPicture.status());
        assertEquals("input_reference", notPicture.json().path("error").path("param").asText());
        assertEquals(404, api.get("/v1/videos/00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, api.get("/v1/videos?order=sideways").status());
        assertEquals(400, api.get("/v1/videos?limit=0").status());
        assertEquals("invalid_after", api.get("/v1/videos?after=nope").errorCode());
    }

    @Test
    void theListPagesAfterAnIdInEitherOrderAndADeleteRemovesTheVideo() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(create(Map.of("prompt", "Waves on a beach, take " + i, "size", "720x720")).path("id").asText());
        }
        JsonNode page = api.get("/v1/videos?limit=2").json();
        assertEquals("list", page.path("object").asText());
        assertEquals(mine.get(2), page.path("data").path(0).path("id").asText(), "newest first by default");
        assertEquals(mine.get(1), page.path("last_id").asText());
        assertTrue(page.path("has_more").asBoolean());
        JsonNode next = api.get("/v1/videos?limit=2&after=" + page.path("last_id").asText()).json();
        assertEquals(mine.get(0), next.path("first_id").asText());
        JsonNode asc = api.get("/v1/videos?order=asc&after=" + mine.get(0) + "&limit=100").json();
        assertEquals(mine.get(1), asc.path("data").path(0).path("id").asText());
        assertEquals(mine.get(2), asc.path("data").path(1).path("id").asText());

        long before = api.balance();
        Api.Resp deleted = api.delete("/v1/videos/" + mine.get(2));
        assertEquals(200, deleted.status(), deleted.text());
        assertEquals("video.deleted", deleted.json().path("object").asText());
        assertTrue(deleted.json().path("deleted").asBoolean());
        assertEquals(before + 90, api.balance(), "a video deleted before it finished is refunded as a cancel");
        assertEquals(404, api.get("/v1/videos/" + mine.get(2)).status());
        assertEquals(404, api.get("/v1/video/" + mine.get(2)).status(), "gone from both surfaces");
        assertEquals(404, api.delete("/v1/videos/" + mine.get(2)).status());
        JsonNode after = api.get("/v1/videos?limit=100").json();
        after.path("data").forEach(v -> assertFalse(v.path("id").asText().equals(mine.get(2))));
        for (String id : mine.subList(0, 2)) {
            api.await(id, Duration.ofSeconds(60));
        }
        Api.Resp completedDelete = api.delete("/v1/videos/" + mine.get(0));
        assertEquals(200, completedDelete.status());
        assertEquals(404, api.get("/v1/videos/" + mine.get(0) + "/content").status());
    }

    @Test
    void theOfficialOpenAiNodePackageCreatesRetrievesAndDownloads() throws Exception {
        Path project = Path.of(System.getProperty("reelforge.it.node", "target/openai-node"));
        assertTrue(Files.isDirectory(project.resolve("node_modules/openai")), "npm ci ran in " + project);
        Path out = Files.createTempDirectory("openai-node");
        Path image = out.resolve("start.png");
        ImageIO.write(startImage(), "png", image.toFile());
        ProcessBuilder pb = new ProcessBuilder("node", "videos.mjs").directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("REELFORGE_BASE_URL", appliance.baseUrl(), "REELFORGE_KEY", appliance.liveKey(),
                "REELFORGE_IMAGE", image.toString(), "REELFORGE_OUT", out.toString()));
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the node check finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"ok\":true"), output);
        Ffprobe landscape = Ffprobe.of(out.resolve("video.mp4"));
        assertEquals(1280, landscape.width());
        assertEquals(720, landscape.height());
        assertEquals(120, landscape.frames());
        Ffprobe portrait = Ffprobe.of(out.resolve("portrait.mp4"));
        assertEquals(720, portrait.width());
        assertEquals(1280, portrait.height());
    }

    private static BufferedImage startImage() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 120, 40));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillOval(220, 140, 200, 200);
        g.dispose();
        return img;
    }
}
