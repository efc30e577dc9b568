package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The reference product page's flow, over real HTTP, with the MP4 decoded back by ffprobe. */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class ReferenceFlowIT {

    static Appliance appliance;
    static Api api;

    @TempDir
    Path tmp;

    @BeforeAll
    static void boot() throws Exception {
        appliance = SharedAppliance.get();
        api = appliance.api();
    }

    @Test
    void textToVideo1080pAsOnTheReferencePage() throws Exception {
        Api.Resp submit = api.post("/v1/video/generate", "application/json", """
                {"prompt": "A cinematic drone shot gliding over a misty mountain valley at dawn",
                 "resolution": "1080p", "duration": 5}""");
        assertEquals(202, submit.status(), submit.text());
        JsonNode job = submit.json();
        String id = job.path("generation_id").asText();
        UUID.fromString(id);
        assertEquals("queued", job.path("status").asText());
        assertTrue(job.path("estimated_seconds").asLong() >= 1, job.toString());
        assertEquals(90, job.path("credits_used").asLong());
        assertTrue(job.has("processing_ms") && job.has("created_at") && job.has("output_url"), job.toString());
        assertEquals("sandbox", job.path("engine").asText());
        assertTrue(submit.header("Location").endsWith("/v1/video/" + id));

        JsonNode done = api.await(id, Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(90, done.path("credits_used").asLong());
        assertTrue(done.path("processing_ms").asLong() >= 3000, "paced render measured: " + done);
        assertEquals(1.0, done.path("progress").asDouble());
        assertNotNull(done.path("expires_at").textValue());
        assertEquals("A cinematic drone shot gliding over a misty mountain valley at dawn",
                done.path("request").path("prompt").asText());

        Path mp4 = api.download(done.path("output_url").asText(), tmp.resolve("clip.mp4"));
        Ffprobe probe = Ffprobe.of(mp4);
        assertEquals("h264", probe.codec());
        assertEquals("yuv420p", probe.pixelFormat());
        assertEquals(1920, probe.width());
        assertEquals(1080, probe.height());
        assertEquals("24/1", probe.frameRate());
        assertEquals(120, probe.frames());
        assertEquals(5.0, probe.duration(), 0.05);
        byte[] bytes = Files.readAllBytes(mp4);
        String head = new String(bytes, 0, Math.min(bytes.length, 1 << 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.contains("moov") && head.indexOf("moov") < indexOf(bytes, "mdat"), "faststart: moov before mdat");
    }

    @Test
    void imageToVideoViaMultipart() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("prompt", "Camera slowly zooms in, warm lighting, cinematic");
        fields.put("resolution", "720p");
        fields.put("duration", "5");
        fields.put("camera_fixed", "false");
        Api.Resp submit = api.generateMultipart(fields, png(640, 480), "product.png", "image/png");
        assertEquals(202, submit.status(), submit.text());
        JsonNode job = submit.json();
        assertTrue(job.path("request").path("image").asBoolean());
        JsonNode done = api.await(job.path("generation_id").asText(), Duration.ofMinutes(3));
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertTrue(Files.notExists(appliance.dataDir().resolve("outputs/inputs/" + done.path("generation_id").asText() + ".img")),
                "the uploaded image is not kept once the clip is made");
        Ffprobe probe = Ffprobe.of(api.download(done.path("output_url").asText(), tmp.resolve("i2v.mp4")));
        assertEquals("h264", probe.codec());
        assertEquals(1280, probe.width());
        assertEquals(720, probe.height());
        assertEquals(120, probe.frames());
    }

    /**
     * The reference page's flow as the shared check script runs it. The script lives outside this repository
     * ({@code ../shared/check/reference-flow.sh}); a copy is committed under {@code src/test/resources/reference} so
     * the test runs wherever the repository is cloned, never skips, and fails when the copy has drifted from the
     * shared original (when that is beside the clone, it is the one run).
     */
    @Test
    void theSharedReferenceScriptPasses() throws Exception {
        Path copy = Path.of("src/test/resources/reference/reference-flow.sh");
        Path shared = Path.of(System.getProperty("reelforge.reference.flow", "../../shared/check/reference-flow.sh"));
        Path script = copy;
        if (Files.exists(shared)) {
            assertEquals(Files.readString(shared), Files.readString(copy),
                    "src/test/resources/reference/reference-flow.sh differs from " + shared + ": copy it again");
            script = shared;
        }
        Process p = new ProcessBuilder("bash", script.toString(), appliance.baseUrl(), appliance.liveKey())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("text-to-video 1080p: ok") && out.contains("image-to-video 720p: ok"), out);
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(220, 120, 40), w, h, new Color(30, 60, 160)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 3, h / 3, w / 3, h / 3);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, String ascii) {
        byte[] n = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= data.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (data[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
