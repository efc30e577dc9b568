package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Idempotency-Key over real HTTP: replays, refusals, and many concurrent retries that create and charge once. */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class IdempotencyIT {

    static Api api;

    @BeforeAll
    static void boot() throws Exception {
        api = SharedAppliance.get().api();
    }

    static Api.Resp post(String path, String body, String key) throws Exception {
        return api.post(path, "application/json", body, Map.of("Idempotency-Key", key));
    }

    @Test
    void openAiVideosCreateIsReplayedToo() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Api.JSON.writeValueAsString(Map.of("prompt", "idempotent harbour " + key, "size", "1280x720"));
        long before = api.balance();
        Api.Resp first = post("/v1/videos", body, key);
        assertEquals(200, first.status(), first.text());
        assertNull(first.header("Idempotent-Replayed"));
        Api.Resp again = post("/v1/videos", body, key);
        assertEquals(200, again.status(), again.text());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json(), again.json(), "the replay is the first answer");
        assertEquals(before - 90, api.balance(), "charged once");
        // The OpenAI surface answers its request errors with 400 where /v1/video says 422.
        ErrorsIT.assertError(post("/v1/videos", body.replace("harbour", "harbor"), key), 400, "idempotency_key_reused", null);
    }

    @Test
    void concurrentRetriesCreateAndChargeOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String prompt = "idempotent lighthouse " + key;
        String body = Api.JSON.writeValueAsString(Map.of("prompt", prompt, "resolution", "720p"));
        long before = api.balance();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Resp>> futures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            futures.add(pool.submit(() -> {
                go.await();
                return post("/v1/video/generate", body, key);
            }));
        }
        go.countDown();
        Set<String> ids = new HashSet<>();
        int fresh = 0;
        for (Future<Api.Resp> f : futures) {
            Api.Resp r = f.get();
            if (r.status() == 409) {
                ErrorsIT.assertError(r, 409, "idempotency_request_in_progress", null);
                continue;
            }
            assertEquals(202, r.status(), r.text());
            ids.add(r.json().path("generation_id").asText());
            if (r.header("Idempotent-Replayed") == null) {
                fresh++;
            }
        }
        pool.shutdown();
        assertEquals(1, fresh, "exactly one request ran");
        assertTrue(ids.size() <= 1, "every 202 names the same generation: " + ids);
        Api.Resp replay = post("/v1/video/generate", body, key);
        assertEquals(202, replay.status(), replay.text());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        String id = replay.json().path("generation_id").asText();
        assertTrue(ids.isEmpty() || ids.contains(id));
        assertTrue(replay.header("Location").endsWith("/v1/video/" + id), replay.header("Location"));
        assertEquals(before - 90, api.balance(), "charged once");
        long made = 0;
        for (JsonNode g : api.get("/v1/video?limit=100").json().path("data")) {
            if (prompt.equals(g.path("request").path("prompt").asText())) {
                made++;
            }
        }
        assertEquals(1, made, "one generation created");
    }

    @Test
    void sameKeyOtherBodyIsRefusedAndKeyOrderDoesNotMatter() throws Exception {
        String key = UUID.randomUUID().toString();
        Api.Resp first = post("/v1/video/generate", "{\"prompt\":\"quiet forest\",\"resolution\":\"720p\"}", key);
        assertEquals(202, first.status(), first.text());
        assertNull(first.header("Idempotent-Replayed"));
        Api.Resp reordered = post("/v1/video/generate", "{ \"resolution\": \"720p\", \"prompt\": \"quiet forest\" }", key);
        assertEquals("true", reordered.header("Idempotent-Replayed"));
        assertEquals(first.json(), reordered.json());
        ErrorsIT.assertError(post("/v1/video/generate", "{\"prompt\":\"loud forest\",\"resolution\":\"720p\"}", key),
                422, "idempotency_key_reused", null);
        ErrorsIT.assertError(post("/v1/webhooks", "{\"prompt\":\"quiet forest\",\"resolution\":\"720p\"}", key),
                422, "idempotency_key_reused", null);
    }

    @Test
    void badKeysAreRefused() throws Exception {
        ErrorsIT.assertError(post("/v1/video/generate", "{\"prompt\":\"x\"}", "k".repeat(256)), 400, "invalid_idempotency_key", null);
        ErrorsIT.assertError(post("/v1/video/generate", "{\"prompt\":\"x\"}", ""), 400, "invalid_idempotency_key", null);
    }

    @Test
    void everyPostHonoursTheKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"url\":\"http://10.9.8.7/hook\",\"events\":[\"video.expired\"]}";
        Api.Resp a = post("/v1/webhooks", body, key);
        Api.Resp b = post("/v1/webhooks", body, key);
        assertEquals(201, a.status(), a.text());
        assertEquals(201, b.status(), b.text());
        assertEquals(a.json().path("id"), b.json().path("id"));
        assertEquals(a.json().path("secret"), b.json().path("secret"));
        long count = 0;
        for (JsonNode e : api.get("/v1/webhooks").json().path("data")) {
            if (e.path("url").asText().equals("http://10.9.8.7/hook")) {
                count++;
            }
        }
        assertEquals(1, count, "one endpoint created");
        api.delete("/v1/webhooks/" + a.json().path("id").asText());

        // A client error is an answer too: replayed as it was.
        ErrorsIT.assertError(post("/v1/video/nope/cancel", "", "cancel-" + key), 404, "generation.not_found", null);
        Api.Resp again = post("/v1/video/nope/cancel", "", "cancel-" + key);
        ErrorsIT.assertError(again, 404, "generation.not_found", null);
        assertEquals("true", again.header("Idempotent-Replayed"));
    }
}
