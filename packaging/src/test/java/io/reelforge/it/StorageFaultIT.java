package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * With the output storage down (here: less free space than the readiness floor, as on a full disk), readiness
 * says so and new submissions are refused with 503 and Retry-After, nothing charged, instead of being accepted
 * and failing later. The floor is raised on the shared appliance at run time, as an operator would, and put back.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class StorageFaultIT {

    static final Map<String, String> SETTINGS = Map.of("health.storage.min-free-mb", "999999999999");
    static SharedAppliance.Account account;
    static Api api;

    @BeforeAll
    static void settings() throws Exception {
        account = SharedAppliance.setUp("storage-full", Map.of(), SETTINGS);
        api = account.live();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
        // The storage probe is reused for a couple of seconds: the next class starts once readiness has seen it up.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (api.withKey(null).get("/health/ready").status() != 200) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("readiness still down after the free-space floor was put back");
            }
            Thread.sleep(200);
        }
    }

    @Test
    void submissionsAreRefusedWhileStorageIsDown() throws Exception {
        long before = api.balance();
        Api.Resp ready = api.withKey(null).get("/health/ready");
        assertEquals(503, ready.status(), ready.text());
        JsonNode storage = null;
        for (JsonNode c : ready.json().path("checks")) {
            if ("storage".equals(c.path("name").asText())) {
                storage = c;
            }
        }
        assertNotNull(storage, ready.text());
        assertEquals("DOWN", storage.path("status").asText(), ready.text());

        for (String path : new String[] {"/v1/video/generate", "/v1/videos"}) {
            Api.Resp r = api.postJson(path, Map.of("prompt", "waves on a beach"));
            ErrorsIT.assertError(r, 503, "storage_unavailable", null);
            assertTrue(Long.parseLong(r.header("Retry-After")) > 0, r.text());
        }
        assertEquals(before, api.balance(), "nothing charged");
        assertEquals(0, api.get("/v1/video").json().path("data").size(), "no job was made");
    }
}
