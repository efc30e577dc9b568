package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The SSRF policy on an appliance without an allow-list: loopback, link-local and cloud metadata addresses are
 * refused when given literally, a host name is checked on the address it resolves to when the request is
 * made (so "localhost" is refused at send time), and private ranges are allowed.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class WebhookSsrfIT {

    static Appliance appliance;
    static Api api;
    final List<String> created = new ArrayList<>();

    @BeforeAll
    static void boot() throws Exception {
        appliance = SharedAppliance.get();
        api = appliance.api();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String id : created) {
            api.delete("/v1/webhooks/" + id);
        }
    }

    @Test
    void literalLoopbackLinkLocalAndMetadataAddressesAreRefused() throws Exception {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://127.1.2.3/hook", "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest", "http://[fe80::1]/x",
                "http://0.0.0.0/x", "http://[::ffff:127.0.0.1]/x")) {
            ErrorsIT.assertError(api.postJson("/v1/webhooks", Map.of("url", url)), 422, "webhook_url_refused", "url");
        }
        api.post("/v1/webhooks/signing-key", null, "");
        ErrorsIT.assertError(api.generate(Map.of("prompt", "sea", "webhook_url", "http://169.254.169.254/")),
                422, "webhook_url_refused", "webhook_url");
    }

    @Test
    void privateRangesAreAllowed() throws Exception {
        for (String url : List.of("http://10.1.2.3/hook", "https://192.168.0.10:8443/hook", "http://[fd12:3456::1]/x")) {
            Api.Resp r = api.postJson("/v1/webhooks", Map.of("url", url, "events", List.of("video.expired")));
            assertEquals(201, r.status(), url + ": " + r.text());
            created.add(r.json().path("id").asText());
        }
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedWhenSent() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Api.Resp r = api.postJson("/v1/webhooks", Map.of("url", "http://localhost:" + receiver.port() + "/hook",
                    "events", List.of("video.failed")));
            assertEquals(201, r.status(), r.text());
            String endpoint = r.json().path("id").asText();
            created.add(endpoint);
            // A blocked prompt ends failed at once: a video.failed event for the endpoint.
            assertEquals(202, api.generate(Map.of("prompt", "gore", "resolution", "720p")).status());
            JsonNode attempt = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (attempt == null && Instant.now().isBefore(deadline)) {
                JsonNode data = api.get("/v1/webhooks/" + endpoint + "/deliveries").json().path("data");
                if (data.size() > 0 && data.get(0).path("attempt_log").size() > 0) {
                    attempt = data.get(0).path("attempt_log").get(0);
                } else {
                    Thread.sleep(200);
                }
            }
            assertTrue(attempt != null, "no attempt recorded");
            assertTrue(attempt.path("status_code").isNull(), attempt.toString());
            assertTrue(attempt.path("error").asText().contains("loopback"), attempt.toString());
            Thread.sleep(500);
            assertEquals(0, receiver.hits("/hook").size(), "nothing reached the loopback receiver");
        }
    }
}
