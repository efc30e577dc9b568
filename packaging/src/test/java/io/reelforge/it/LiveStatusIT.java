package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Live status over real HTTP: an SSE client follows a queued clip to its end (queue position, progress,
 * keep-alive comments, the terminal event, then the close), resumes with Last-Event-ID; long-polls answer on
 * a status change or at their wait; every completed clip has a signed JPEG poster frame. On the shared
 * appliance, with one render slot, 4 s renders and 1 s keep-alives set at run time.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class LiveStatusIT {

    private static final String PROMPT = "A cinematic drone shot gliding over a misty mountain valley at dawn";
    /** One slot and 4 s renders, so a second and third clip wait in the queue; keep-alives every second. */
    static final Map<String, String> SETTINGS = Map.of(SharedAppliance.SANDBOX_PACE, "PT4S", "render.slots", "1",
            "live.keep-alive", "PT1S");
    private static Appliance appliance;
    private static SharedAppliance.Account account;
    private static Api api;

    @BeforeAll
    static void settings() throws Exception {
        appliance = SharedAppliance.get();
        account = SharedAppliance.setUp("live", Map.of(), SETTINGS);
        api = account.live();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
    }

    private static String submit() throws Exception {
        Api.Resp r = api.generate(Map.of("prompt", PROMPT, "resolution", "720p"));
        assertEquals(202, r.status(), r.text());
        return r.json().path("generation_id").asText();
    }

    @Test
    void anSseClientFollowsAQueuedClipToItsEndAndCanResume() throws Exception {
        String first = submit();
        String second = submit();
        SseClient.Stream s = SseClient.read(appliance.baseUrl() + "/v1/video/" + second + "/events",
                account.liveKey(), null, Duration.ofSeconds(60));
        assertEquals(200, s.status(), s.errorBody());
        assertTrue(s.contentType().startsWith("text/event-stream"), s.contentType());
        List<SseClient.Event> events = s.events();
        SseClient.Event opening = events.get(0);
        assertEquals("queued", opening.name(), events.toString());
        assertEquals("queued", opening.data().path("status").asText());
        assertTrue(opening.data().path("queue_position").asInt() >= 1, opening.data().toString());
        assertTrue(events.stream().anyMatch(e -> "processing".equals(e.name())), events.toString());
        double progress = -1;
        for (SseClient.Event e : events) {
            if ("processing".equals(e.name())) {
                assertTrue(e.data().path("queue_position").isNull());
                assertTrue(e.data().path("progress").asDouble() >= progress, events.toString());
                progress = e.data().path("progress").asDouble();
            }
        }
        SseClient.Event end = s.last();
        assertEquals("completed", end.name());
        assertEquals(second, end.data().path("generation_id").asText());
        assertTrue(end.data().path("output_url").asText().contains("/v1/files/" + second + ".mp4?expires="));
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertTrue(ids.add(e.id()), "event ids are distinct: " + events));
        assertFalse(s.comments().isEmpty(), "keep-alive comments arrive while waiting");
        assertTrue(s.comments().contains("keep-alive"), s.comments().toString());
        assertEquals("completed", api.await(first, Duration.ofSeconds(30)).path("status").asText());

        // The client had the last event: a resume sends nothing more and closes at once.
        SseClient.Stream resumed = SseClient.read(appliance.baseUrl() + "/v1/video/" + second + "/events",
                account.liveKey(), end.id(), Duration.ofSeconds(10));
        assertEquals(200, resumed.status());
        assertTrue(resumed.events().isEmpty(), resumed.events().toString());
        // From an older event, the current state (the terminal one) comes, then the close.
        SseClient.Stream fromOpening = SseClient.read(appliance.baseUrl() + "/v1/video/" + second + "/events",
                account.liveKey(), opening.id(), Duration.ofSeconds(10));
        assertEquals(1, fromOpening.events().size(), fromOpening.events().toString());
        assertEquals("completed", fromOpening.last().name());
        assertEquals(end.id(), fromOpening.last().id());
    }

    @Test
    void anUnknownGenerationsStreamIsAJson404() throws Exception {
        SseClient.Stream s = SseClient.read(appliance.baseUrl() + "/v1/video/00000000-0000-0000-0000-000000000000/events",
                account.liveKey(), null, Duration.ofSeconds(10));
        assertEquals(404, s.status());
        assertTrue(s.errorBody().contains("generation.not_found"), s.errorBody());
        SseClient.Stream noKey = SseClient.read(appliance.baseUrl() + "/v1/video/x/events", "rf_live_nope", null,
                Duration.ofSeconds(10));
        assertEquals(401, noKey.status());
    }

    @Test
    void aLongPollAnswersWhenTheStatusChangesOrWhenItsWaitIsOver() throws Exception {
        String a = submit();
        String b = submit();
        String c = submit();
        JsonNode queued = api.get("/v1/video/" + c).json();
        assertEquals("queued", queued.path("status").asText());
        JsonNode bNow = api.get("/v1/video/" + b).json();
        if ("queued".equals(bNow.path("status").asText())) {
            assertTrue(queued.path("queue_position").asInt() > bNow.path("queue_position").asInt(),
                    "a later clip stands further back: " + bNow + " / " + queued);
        }

        // Nothing changes for c within a second: the long-poll answers at its wait with the same status.
        Instant t0 = Instant.now();
        Api.Resp shortWait = api.getWith("/v1/video/" + c, Map.of("Prefer", "wait=1"));
        long waited = Duration.between(t0, Instant.now()).toMillis();
        assertEquals(200, shortWait.status(), shortWait.text());
        assertEquals("wait=1", shortWait.header("Preference-Applied"));
        assertEquals("queued", shortWait.json().path("status").asText());
        assertTrue(waited >= 900 && waited < 5000, "answered after " + waited + " ms");

        // a renders now or soon: the long-poll answers as its status moves on, well before 30 s.
        String before = api.get("/v1/video/" + a).json().path("status").asText();
        t0 = Instant.now();
        Api.Resp changed = api.getWith("/v1/video/" + a, Map.of("Prefer", "wait=30"));
        waited = Duration.between(t0, Instant.now()).toMillis();
        assertEquals("wait=30", changed.header("Preference-Applied"));
        assertTrue(!before.equals(changed.json().path("status").asText()) || waited >= 29_000,
                before + " -> " + changed.json().path("status").asText());
        assertTrue(waited < 20_000, "answered after " + waited + " ms");

        // More than 60 s is capped; a finished clip answers at once.
        api.await(c, Duration.ofSeconds(60));
        t0 = Instant.now();
        Api.Resp done = api.getWith("/v1/video/" + c, Map.of("Prefer", "respond-async, wait=600"));
        assertEquals("wait=60", done.header("Preference-Applied"));
        assertEquals("completed", done.json().path("status").asText());
        assertTrue(Duration.between(t0, Instant.now()).toMillis() < 3000);
        assertNull(api.get("/v1/video/" + c).header("Preference-Applied"), "no Prefer, no Preference-Applied");
    }

    @Test
    void everyCompletedClipHasASignedJpegPosterFrame() throws Exception {
        Api.Resp r = api.generate(Map.of("prompt", PROMPT, "resolution", "720p", "aspect_ratio", "9:16"));
        JsonNode queued = r.json();
        assertTrue(queued.path("thumbnail_url").isNull(), "no poster before the clip is done");
        JsonNode g = api.await(queued.path("generation_id").asText(), Duration.ofSeconds(60));
        assertEquals("completed", g.path("status").asText());
        String url = g.path("thumbnail_url").asText();
        assertTrue(url.contains(".jpg?expires=") && url.contains("&signature="), url);
        Api.Resp jpeg = api.getUrl(url, Map.of());
        assertEquals(200, jpeg.status());
        assertEquals("image/jpeg", jpeg.header("Content-Type"));
        BufferedImage poster = ImageIO.read(new java.io.ByteArrayInputStream(jpeg.bytes()));
        assertNotNull(poster);
        assertEquals(720, poster.getWidth());
        assertEquals(1280, poster.getHeight());
        Api.Resp tampered = api.getUrl(url.replace(".jpg?", ".mp4?"), Map.of());
        assertEquals(403, tampered.status(), "a poster's signature does not open the clip");
        Path dir = Files.createTempDirectory("poster");
        assertTrue(Files.size(api.download(g.path("output_url").asText(), dir.resolve("clip.mp4"))) > 0);
    }
}
