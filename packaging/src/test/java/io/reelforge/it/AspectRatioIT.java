package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every aspect ratio at both resolutions through both surfaces, decoded back by ffprobe: 1080p means
 * 1920x1080, 1080x1920 and 1080x1080; 720p 1280x720, 720x1280 and 720x720.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class AspectRatioIT {

    private static Api api;
    private static Path dir;

    @BeforeAll
    static void boot() throws Exception {
        api = SharedAppliance.get().api();
        dir = Files.createTempDirectory("aspect");
    }

    @Test
    void theNativeSurfaceRendersEveryAspectAtBothResolutions() throws Exception {
        String[][] cases = {{"1080p", "16:9", "1920", "1080"}, {"1080p", "9:16", "1080", "1920"}, {"1080p", "1:1", "1080", "1080"},
                {"720p", "16:9", "1280", "720"}, {"720p", "9:16", "720", "1280"}, {"720p", "1:1", "720", "720"}};
        List<String> ids = new ArrayList<>();
        for (String[] c : cases) {
            Api.Resp r = api.generate(Map.of("prompt", "A lighthouse on a cliff above a stormy sea", "resolution", c[0],
                    "aspect_ratio", c[1], "seed", 7));
            assertEquals(202, r.status(), r.text());
            JsonNode echo = r.json().path("request");
            assertEquals(c[1], echo.path("aspect_ratio").asText());
            assertEquals(Integer.parseInt(c[2]), echo.path("width").asInt());
            assertEquals(Integer.parseInt(c[3]), echo.path("height").asInt());
            ids.add(r.json().path("generation_id").asText());
            if (ids.size() == 3) {
                // The shared appliance takes five clips at once per account: let the first three finish.
                for (String id : ids) {
                    api.await(id, Duration.ofSeconds(120));
                }
            }
        }
        for (int i = 0; i < cases.length; i++) {
            JsonNode g = api.await(ids.get(i), Duration.ofSeconds(120));
            assertEquals("completed", g.path("status").asText(), g.toString());
            Ffprobe p = Ffprobe.of(api.download(g.path("output_url").asText(), dir.resolve(ids.get(i) + ".mp4")));
            assertEquals(Integer.parseInt(cases[i][2]), p.width(), String.join(" ", cases[i]));
            assertEquals(Integer.parseInt(cases[i][3]), p.height(), String.join(" ", cases[i]));
            assertEquals(120, p.frames());
            assertEquals(cases[i][2] + "x" + cases[i][3], g.path("native_size").asText());
        }
    }

    @Test
    void anUnknownAspectRatioIsRefusedWithTheChoices() throws Exception {
        Api.Resp r = api.generate(Map.of("prompt", "p", "aspect_ratio", "4:3"));
        assertEquals(422, r.status());
        assertEquals("unsupported_aspect_ratio", r.errorCode());
        assertEquals("aspect_ratio", r.json().path("error").path("param").asText());
        assertTrue(r.json().path("error").path("message").asText().contains("16:9, 9:16, 1:1"));
    }

    @Test
    void theOpenAiSurfaceTakesTheSizeAsWidthByHeight() throws Exception {
        Api.Resp r = api.postMultipart("/v1/videos", Map.of("prompt", "A city street at night in the rain", "size", "1080x1920",
                "seconds", "5"), null, null, null, null);
        assertEquals(200, r.status(), r.text());
        assertEquals("1080x1920", r.json().path("size").asText());
        JsonNode g = api.await(r.json().path("id").asText(), Duration.ofSeconds(120));
        Ffprobe p = Ffprobe.of(api.download(g.path("output_url").asText(), dir.resolve("openai.mp4")));
        assertEquals(1080, p.width());
        assertEquals(1920, p.height());
        assertEquals("9:16", g.path("request").path("aspect_ratio").asText());
    }
}
