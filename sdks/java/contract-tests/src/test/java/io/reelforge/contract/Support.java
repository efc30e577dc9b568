package io.reelforge.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelforge.sdk.Generation;
import io.reelforge.sdk.Reelforge;
import io.reelforge.sdk.VideoRequest;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** What the scenarios share: env, clients, ffprobe, a PNG, and canceling what a scenario left in flight. */
final class Support {
    static final String LANG = "java";
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Runnable> cleanups = new ArrayList<>();

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            fail(name + " is not set (sdks/contract/run.sh sets it; see sdks/java/README.md)");
        }
        return v;
    }

    static Reelforge client(String keyVar, Consumer<Reelforge.Builder> more) {
        Reelforge.Builder b = Reelforge.builder().apiKey(env(keyVar)).baseUrl(env("REELFORGE_BASE_URL"))
                .retryDelay(Duration.ofMillis(500));
        more.accept(b);
        return b.build();
    }

    static Reelforge client(String keyVar) {
        return client(keyVar, b -> { });
    }

    static String prompt(String id, String what) {
        return id + " " + LANG + ": " + what;
    }

    static VideoRequest.Builder request(String id, String what) {
        return VideoRequest.builder().prompt(prompt(id, what)).resolution("720p");
    }

    /** generate, and cancel the job when the scenario ends if it is still in flight. */
    Generation generate(Reelforge c, VideoRequest r) {
        Generation g = c.video().generate(r);
        cleanups.add(() -> {
            if (!c.video().get(g.generationId()).isTerminal()) {
                c.video().cancel(g.generationId());
            }
        });
        return g;
    }

    void cleanup() {
        for (Runnable r : cleanups) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // best effort: the scenario's own failure is what matters
            }
        }
        cleanups.clear();
    }

    static void assertValidMp4(Path file, int width, int height) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,nb_read_frames",
                "-show_entries", "format=duration,format_name", "-of", "json", file.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), () -> "ffprobe: " + new String(out));
        JsonNode j = JSON.readTree(out);
        JsonNode s = j.path("streams").path(0);
        String what = file + ": " + new String(out);
        assertEquals("h264", s.path("codec_name").asText(), what);
        assertTrue(j.path("format").path("format_name").asText().contains("mp4"), what);
        assertEquals(width, s.path("width").asInt(), what);
        assertEquals(height, s.path("height").asInt(), what);
        assertEquals("120", s.path("nb_read_frames").asText(), what);
        assertEquals(5.0, Double.parseDouble(j.path("format").path("duration").asText()), 0.1, what);
    }

    /** The drop-once proxy's count of dropped answers (GET /__flaky/stats). */
    static int flakyDropped(String flaky) throws IOException, InterruptedException {
        var r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(flaky.replaceAll("/+$", "") + "/__flaky/stats")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(r.body()).path("dropped").asInt();
    }

    static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new Color(200, 80, 40));
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] b) throws IOException {
        return Files.write(dir.resolve(name), b);
    }
}
