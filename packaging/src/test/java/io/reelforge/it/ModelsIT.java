package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelforge.fixtures.TinyFixtures;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The djl engine end to end over HTTP with the tiny random-weight packages: the admin API's credentials, import
 * by server path and by upload, READY, activate, a live key's clip rendered by the model and decoded back by
 * ffprobe, activate another version, roll back, and the FAILED reasons of a corrupt checksum, a missing
 * component and wrong shapes; a start image sent to the text-to-video model refused at submit (422, nothing
 * charged). Last, image-to-video: the i2v package activated, the engine switched onto that family at run time (the
 * live setting {@code reelforge.engine.djl.family}, no restart), a request without an image refused, and an uploaded
 * start image rendered through the package's image encoder; then two more switches, and one restart that keeps the
 * switch and every family's activation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsIT {

    private static final String WAN_I2V = "wan2.1-i2v-14b";

    private static final String WAN = "wan2.1-t2v-1.3b";
    private static final String WAN22_I2V = "wan2.2-i2v-a14b";
    private static final String CONSOLE_PASSWORD = "models it password 42";

    private static Appliance appliance;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        TinyFixtures.pkg("tiny-wan"); // fails the class when the fixtures could not be built
        Path work = Path.of(System.getProperty("reelforge.it.workdir", "target/it"));
        appliance = Appliance.start("models", Map.of("engine.default", "djl",
                "engine.djl.cache-dir", work.resolve("djl-cache").toAbsolutePath().toString()));
        Api first = appliance.api().asConsoleUser("admin", appliance.firstAdminPassword());
        assertEquals("password_change_required", first.get("/v1/admin/engines").errorCode());
        assertEquals(204, first.postJson("/v1/admin/password",
                Map.of("current", appliance.firstAdminPassword(), "password", CONSOLE_PASSWORD)).status());
        admin = appliance.api().asConsoleUser("admin", CONSOLE_PASSWORD);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (appliance != null) {
            appliance.stop();
        }
    }

    @Test
    @Order(1)
    void theAdminApiTakesConsoleCredentialsOnlyNeverAnApiKey() throws Exception {
        Api.Resp none = appliance.api().withKey(null).get("/v1/admin/models");
        assertEquals(401, none.status());
        assertEquals("missing_credentials", none.errorCode());
        assertTrue(none.header("WWW-Authenticate").startsWith("Basic"), none.header("WWW-Authenticate"));
        Api.Resp key = appliance.api().get("/v1/admin/models");
        assertEquals(401, key.status());
        assertEquals("invalid_authorization", key.errorCode());
        Api.Resp wrong = appliance.api().asConsoleUser("admin", "not the password").get("/v1/admin/models");
        assertEquals(401, wrong.status());
        assertEquals("invalid_credentials", wrong.errorCode());
        Api.Resp keyAsPassword = appliance.api().asConsoleUser("admin", appliance.liveKey()).get("/v1/admin/engines");
        assertEquals(401, keyAsPassword.status());
        assertEquals(200, admin.get("/v1/admin/engines").status());
    }

    @Test
    @Order(2)
    void importActivateRenderRollBack() throws Exception {
        assertEquals("engine_not_ready", appliance.api().generate(Map.of("prompt", "a fox in the snow")).errorCode(),
                "no version active yet");
        JsonNode djl = engine("djl");
        assertFalse(djl.path("ready").asBoolean());
        assertTrue(djl.path("default_engine").asBoolean());
        assertEquals(WAN, djl.path("family").asText());

        Path v1 = TinyFixtures.copy("tiny-wan", imports(), "1");
        Api.Resp imported = admin.postJson("/v1/admin/models", Map.of("path", v1.getFileName().toString()));
        assertEquals(202, imported.status(), imported.text());
        assertTrue(imported.header("Location").endsWith("/v1/admin/models/" + WAN + "/1"), imported.header("Location"));
        JsonNode ready = awaitVerified(WAN, "1");
        assertEquals("ready", ready.path("status").asText(), ready.toString());
        assertEquals("tiny-wan", ready.path("name").asText());
        assertEquals("64x32", ready.path("native_sizes").path(0).asText());
        assertEquals(16, ready.path("fps").asInt());

        byte[] zip = zip(TinyFixtures.copy("tiny-wan", Files.createTempDirectory("models-it"), "2"));
        Api.Resp uploaded = admin.postMultipart("/v1/admin/models", Map.of(), "package", zip, "tiny-wan-2.zip",
                "application/zip");
        assertEquals(202, uploaded.status(), uploaded.text());
        assertEquals("ready", awaitVerified(WAN, "2").path("status").asText());
        assertEquals(409, admin.postJson("/v1/admin/models", Map.of("path", v1.getFileName().toString())).status(),
                "the same version again is a duplicate");

        JsonNode active = admin.post("/v1/admin/models/" + WAN + "/1/activate", null, "").json();
        assertTrue(active.path("active").asBoolean(), active.toString());
        assertTrue(engine("djl").path("ready").asBoolean());
        assertEquals("1", engine("djl").path("active_version").asText());

        JsonNode clip = render();
        assertEquals("djl", clip.path("engine").asText());
        assertEquals("tiny-wan", clip.path("model").asText());
        assertEquals("1", clip.path("model_version").asText());
        assertEquals("64x32", clip.path("native_size").asText());
        assertEquals(4, clip.path("steps").asInt());
        assertTrue(clip.path("upscaled").asBoolean());
        assertMp4(clip, 1280, 720);

        admin.post("/v1/admin/models/" + WAN + "/2/activate", null, "");
        assertEquals("2", render().path("model_version").asText());
        assertEquals(409, admin.delete("/v1/admin/models/" + WAN + "/2").status(), "the active version stays");

        assertImageRefused("image_not_supported", WAN + "/2 (Wan 2.1 T2V 1.3B) is text-to-video only", png());
        Api.Resp sandbox = appliance.api().withKey(appliance.testKey()).generateMultipart(Map.of("prompt", "a fox",
                "resolution", "720p"),
                png(), "start.png", "image/png");
        assertEquals(202, sandbox.status(), "test keys render on the sandbox, which takes images: " + sandbox.text());

        JsonNode back = admin.post("/v1/admin/models/" + WAN + "/rollback", null, "").json();
        assertEquals("1", back.path("version").asText());
        assertTrue(back.path("active").asBoolean());
        assertTrue(admin.get("/v1/admin/models/" + WAN + "/2").json().path("previous").asBoolean());
        assertEquals("1", render().path("model_version").asText());
    }

    @Test
    @Order(3)
    void brokenPackagesEndFailedWithTheReason() throws Exception {
        Path corrupt = TinyFixtures.copy("tiny-wan", imports(), "corrupt");
        byte[] bytes = Files.readAllBytes(corrupt.resolve("denoiser.pt"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(corrupt.resolve("denoiser.pt"), bytes);
        Path missing = TinyFixtures.copy("tiny-wan", imports(), "missing");
        Files.delete(missing.resolve("vae_decoder.pt"));
        Path badShape = TinyFixtures.copy("tiny-wan-badshape", imports(), "badshape");
        for (Path p : new Path[] {corrupt, missing, badShape}) {
            assertEquals(202, admin.postJson("/v1/admin/models", Map.of("path", p.toString())).status());
        }
        assertFailed("corrupt", "sha256");
        assertFailed("missing", "component vae_decoder is missing");
        assertFailed("badshape", "denoiser returned shape");

        Api.Resp notReady = admin.post("/v1/admin/models/" + WAN + "/corrupt/activate", null, "");
        assertEquals(409, notReady.status());
        assertEquals("version.not_ready", notReady.errorCode());
        assertEquals(204, admin.delete("/v1/admin/models/" + WAN + "/corrupt").status());
        assertEquals(404, admin.get("/v1/admin/models/" + WAN + "/corrupt").status());

        Api.Resp outside = admin.postJson("/v1/admin/models", Map.of("path", TinyFixtures.pkg("tiny-wan").toString()));
        assertEquals(422, outside.status());
        assertEquals("path_outside_import_dir", outside.errorCode());
        Api.Resp notArchive = admin.postMultipart("/v1/admin/models", Map.of(), "package", new byte[] {1, 2, 3},
                "weights.bin", "application/octet-stream");
        assertEquals(415, notArchive.status());
        assertEquals(404, admin.post("/v1/admin/models/no-such-family/rollback", null, "").status());
    }

    @Test
    @Order(4)
    void imageToVideoRendersTheStartImageAfterALiveSwitchOntoTheI2vFamily() throws Exception {
        Path i2v = TinyFixtures.copy("tiny-wan-i2v", imports(), "1");
        assertEquals(202, admin.postJson("/v1/admin/models", Map.of("path", i2v.toString())).status());
        assertEquals("ready", awaitVerified(WAN_I2V, "1").path("status").asText());
        assertEquals(200, admin.post("/v1/admin/models/" + WAN_I2V + "/1/activate", null, "").status());
        assertEquals(WAN, engine("djl").path("family").asText(), "an activation does not switch the family");

        switchFamily(WAN_I2V);
        JsonNode djl = engine("djl");
        assertEquals(WAN_I2V, djl.path("family").asText(), "in effect when the call returns");
        assertEquals("1", djl.path("active_version").asText(), "the i2v family's own active version");
        assertImageRefused("image_required", WAN_I2V + "/1 (Wan 2.1 I2V 14B) is image-to-video only", null);

        Api.Resp r = appliance.api().generateMultipart(Map.of("prompt", "the product turns slowly", "resolution",
                "1080p", "seed", "11"), png(), "start.png", "image/png");
        assertEquals(202, r.status(), r.text());
        JsonNode clip = appliance.api().await(r.json().path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", clip.path("status").asText(), clip.toString());
        assertEquals("tiny-wan-i2v", clip.path("model").asText());
        assertEquals("1", clip.path("model_version").asText());
        assertEquals("64x32", clip.path("native_size").asText());
        assertTrue(clip.path("request").path("image").asBoolean());
        assertMp4(clip, 1920, 1080);
    }

    /** Wan 2.2 I2V A14B (two experts, no CLIP) renders a start image; then FastWan (flow-dmd) on the Wan 2.1 family. */
    @Test
    @Order(5)
    void twoExpertImageToVideoAndFastWanRenderAfterLiveSwitchesOntoTheirFamilies() throws Exception {
        Path a14b = TinyFixtures.copy("tiny-wan22-i2v", imports(), "1");
        assertEquals(202, admin.postJson("/v1/admin/models", Map.of("path", a14b.toString())).status());
        assertEquals("ready", awaitVerified(WAN22_I2V, "1").path("status").asText());
        assertEquals(200, admin.post("/v1/admin/models/" + WAN22_I2V + "/1/activate", null, "").status());
        Path fastwan = TinyFixtures.copy("tiny-fastwan", imports(), "fastwan");
        assertEquals(202, admin.postJson("/v1/admin/models", Map.of("path", fastwan.toString())).status());
        assertEquals("ready", awaitVerified(WAN, "fastwan").path("status").asText());
        assertEquals(200, admin.post("/v1/admin/models/" + WAN + "/fastwan/activate", null, "").status());

        switchFamily(WAN22_I2V);
        Api.Resp r = appliance.api().generateMultipart(Map.of("prompt", "the product turns slowly", "resolution",
                "720p", "seed", "12"), png(), "start.png", "image/png");
        assertEquals(202, r.status(), r.text());
        JsonNode clip = appliance.api().await(r.json().path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", clip.path("status").asText(), clip.toString());
        assertEquals("tiny-wan22-i2v", clip.path("model").asText());
        assertMp4(clip, 1280, 720);

        switchFamily(WAN);
        r = appliance.api().generate(Map.of("prompt", "a fox in the snow", "resolution", "720p"));
        assertEquals(202, r.status(), r.text());
        clip = appliance.api().await(r.json().path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", clip.path("status").asText(), clip.toString());
        assertEquals("tiny-fastwan", clip.path("model").asText());
        assertEquals("fastwan", clip.path("model_version").asText());
        assertMp4(clip, 1280, 720);
    }

    /**
     * The family switch is stored: a restart keeps it and every family's activation; a family the appliance does not
     * know is refused, and so are a family without an active version and an engine that is not ready (live keys render
     * on djl); putting the setting back returns to the configured family (the default, Wan 2.1 T2V 1.3B).
     */
    @Test
    @Order(6)
    void theSwitchAndEveryActivationSurviveARestart() throws Exception {
        switchFamily(WAN_I2V);
        appliance.stop();
        appliance.boot();
        JsonNode djl = engine("djl");
        assertEquals(WAN_I2V, djl.path("family").asText(), "the stored switch wins over the configured family");
        assertEquals("1", djl.path("active_version").asText(), "the activation survived the restart");
        assertTrue(djl.path("ready").asBoolean(), djl.toString());
        assertTrue(admin.get("/v1/admin/models/" + WAN22_I2V + "/1").json().path("active").asBoolean());
        assertTrue(admin.get("/v1/admin/models/" + WAN + "/fastwan").json().path("active").asBoolean());

        Api.Resp unknown = admin.putJson(FAMILY_SETTING, Map.of("value", "wan9-t2v-1b"));
        ErrorsIT.assertError(unknown, 422, "settings.invalid", "value");
        assertTrue(unknown.json().path("error").path("message").asText().contains(WAN22_I2V), unknown.text());
        // live keys render on djl here: neither switch may leave them on something that cannot render
        Api.Resp inactive = admin.putJson(FAMILY_SETTING, Map.of("value", "wan2.2-ti2v-5b"));
        ErrorsIT.assertError(inactive, 422, "settings.invalid", "value");
        assertTrue(inactive.json().path("error").path("message").asText().contains("wan2.2-ti2v-5b has no active version"), inactive.text());
        Api.Resp remote = admin.putJson("/v1/admin/settings/live/reelforge.engine.default", Map.of("value", "remote"));
        ErrorsIT.assertError(remote, 422, "settings.invalid", "value");
        assertTrue(remote.json().path("error").path("message").asText().contains("the remote engine is not ready on this node"), remote.text());
        assertEquals(WAN_I2V, engine("djl").path("family").asText(), "nothing changed");
        assertTrue(engine("djl").path("default_engine").asBoolean());
        Api.Resp back = admin.delete(FAMILY_SETTING);
        assertEquals(200, back.status(), back.text());
        assertEquals(WAN, engine("djl").path("family").asText(), "back to the configured family");
        assertEquals("fastwan", render().path("model_version").asText());
    }

    private static final String FAMILY_SETTING = "/v1/admin/settings/live/reelforge.engine.djl.family";

    /** The family the djl engine renders, changed as an operator does at run time: stored, in effect at once. */
    private static void switchFamily(String family) throws Exception {
        Api.Resp r = admin.putJson(FAMILY_SETTING, Map.of("value", family));
        assertEquals(200, r.status(), r.text());
        assertEquals(family, r.json().path("value").asText());
    }

    /**
     * A live key's request with {@code image} (or without, when null) is refused on both surfaces before anything
     * is charged or recorded, naming the active model.
     */
    private static void assertImageRefused(String code, String message, byte[] image) throws Exception {
        Api live = appliance.api();
        long balance = live.balance();
        int listed = live.get("/v1/video?limit=100").json().path("data").size();
        Api.Resp nativeApi = image == null ? live.generate(Map.of("prompt", "a fox"))
                : live.generateMultipart(Map.of("prompt", "a fox"), image, "start.png", "image/png");
        ErrorsIT.assertError(nativeApi, 422, code, "image");
        assertTrue(nativeApi.json().path("error").path("message").asText().contains("The active model " + message),
                nativeApi.text());
        Api.Resp openAi = image == null ? live.postJson("/v1/videos", Map.of("prompt", "a fox"))
                : live.postMultipart("/v1/videos", Map.of("prompt", "a fox"), "input_reference", image, "start.png",
                        "image/png");
        ErrorsIT.assertError(openAi, 400, code, "input_reference");
        assertEquals(balance, live.balance(), "nothing charged");
        assertEquals(listed, live.get("/v1/video?limit=100").json().path("data").size(), "nothing recorded");
    }

    /** The clip decoded back by ffprobe: H.264 at the output size, 5 s of 24 fps. */
    private static void assertMp4(JsonNode clip, int width, int height) throws Exception {
        Ffprobe probe = Ffprobe.of(appliance.api().download(clip.path("output_url").asText(),
                Files.createTempFile("models-it", ".mp4")));
        assertEquals("h264", probe.codec());
        assertEquals(width, probe.width());
        assertEquals(height, probe.height());
        assertEquals(120, probe.frames());
        assertEquals(5.0, probe.duration(), 0.1);
    }

    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 180,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(new java.awt.Color(200, 60, 40));
        g.fillRect(0, 0, 320, 180);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(110, 40, 100, 100);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void assertFailed(String version, String reason) throws Exception {
        JsonNode v = awaitVerified(WAN, version);
        assertEquals("failed", v.path("status").asText(), v.toString());
        assertTrue(v.path("reason").asText().contains(reason), v.path("reason").asText());
    }

    private static JsonNode render() throws Exception {
        Api.Resp r = appliance.api().generate(Map.of("prompt", "a red fox runs through the snow", "resolution", "720p",
                "seed", 7));
        assertEquals(202, r.status(), r.text());
        JsonNode done = appliance.api().await(r.json().path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText(), done.toString());
        return done;
    }

    private static JsonNode engine(String id) throws Exception {
        for (JsonNode e : admin.get("/v1/admin/engines").json().path("data")) {
            if (id.equals(e.path("id").asText())) {
                return e;
            }
        }
        throw new AssertionError("no engine " + id);
    }

    private static JsonNode awaitVerified(String family, String version) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        JsonNode v = null;
        while (Instant.now().isBefore(deadline)) {
            v = admin.get("/v1/admin/models/" + family + "/" + version).json();
            if (!"pending".equals(v.path("status").asText())) {
                return v;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(family + "/" + version + " is still pending: " + v);
    }

    private static Path imports() throws IOException {
        return Files.createDirectories(appliance.dataDir().resolve("imports"));
    }

    private static byte[] zip(Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
