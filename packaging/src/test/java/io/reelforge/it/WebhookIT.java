package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Webhooks end to end against a receiver this test starts on 127.0.0.1 (allowed here by the admin allow-list):
 * signatures checked with the Standard Webhooks library itself, retries with one webhook-id, 410, Retry-After,
 * no redirects, rotation, redelivery, and an appliance restart between two attempts. Each attempt's outcome is
 * counted in {@code reelforge_webhook_attempts_total}, and every webhook answer is checked against the served
 * OpenAPI document. On the shared appliance, with an account of its own and its settings changed at run time
 * (they are stored, so the restart keeps them); the restart is the shared appliance's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class WebhookIT {

    static final Duration WAIT = Duration.ofSeconds(120);
    static final String ATTEMPTS = "reelforge_webhook_attempts_total";
    static Appliance appliance;
    static SharedAppliance.Account account;
    static Receiver receiver;
    static Api api;
    static OpenApiContract contract;

    /** Set at run time on the shared appliance: loopback allowed, quick retries, a poll every second, 2 s renders. */
    static final Map<String, String> SETTINGS = Map.of(
            "webhooks.allow-addresses", "127.0.0.1",
            "webhooks.retry-schedule", "PT1S,PT1S,PT1S,PT1S",
            "webhooks.poll-interval", "PT1S",
            "webhooks.timeout", "PT3S",
            SharedAppliance.SANDBOX_PACE, "PT2S");

    @BeforeAll
    static void settings() throws Exception {
        receiver = new Receiver();
        appliance = SharedAppliance.get();
        account = SharedAppliance.setUp("webhooks", Map.of(), SETTINGS);
        api = account.live();
        contract = OpenApiContract.of(appliance);
    }

    /** The webhook answers each test checked (see {@link #deliveries}, {@link #createEndpoint}) match /openapi. */
    @AfterEach
    void documented() {
        contract.assertAllMatched();
    }

    @AfterAll
    static void restore() throws Exception {
        SharedAppliance.tearDown(SETTINGS, account);
        receiver.close();
    }

    static JsonNode createEndpoint(String path, String... events) throws Exception {
        Api.Resp r = api.postJson("/v1/webhooks", Map.of("url", receiver.url(path), "events", List.of(events),
                "description", "test " + path));
        assertEquals(201, r.status(), r.text());
        contract.check("/v1/webhooks", Request.Method.POST, r, 201);
        return r.json();
    }

    static String generate(Map<String, Object> body) throws Exception {
        Api.Resp r = api.generate(body);
        assertEquals(202, r.status(), r.text());
        return r.json().path("generation_id").asText();
    }

    static void verify(String secret, Receiver.Hit hit) throws Exception {
        new Webhook(secret).verify(hit.body(), hit.headers());
    }

    static JsonNode deliveries(String endpointId) throws Exception {
        Api.Resp r = api.get("/v1/webhooks/" + endpointId + "/deliveries");
        assertEquals(200, r.status(), r.text());
        contract.check("/v1/webhooks/" + endpointId + "/deliveries", Request.Method.GET, r, 200);
        return r.json().path("data");
    }

    /** The endpoint's latest delivery once it has this status. */
    static JsonNode awaitDelivery(String endpointId, String status) throws Exception {
        return awaitDelivery(endpointId, d -> status.equals(d.path("status").asText()), status);
    }

    /** The endpoint's latest delivery once the appliance's record of it matches {@code what}. */
    static JsonNode awaitDelivery(String endpointId, java.util.function.Predicate<JsonNode> what, String described)
            throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = deliveries(endpointId);
            if (last.size() > 0 && what.test(last.get(0))) {
                return last.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + described + " delivery for " + endpointId + ": " + last);
    }

    /** How much {@code reelforge_webhook_attempts_total} with these labels grew since {@code before}, once it has. */
    static double counted(Metrics before, Map<String, String> labels, double expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        double grown = 0;
        while (Instant.now().isBefore(deadline)) {
            grown = OperabilityIT.metrics(api).sum(ATTEMPTS, labels) - before.sum(ATTEMPTS, labels);
            if (grown >= expected) {
                break;
            }
            Thread.sleep(200); // counted after the attempt's transaction commits
        }
        return grown;
    }

    @Test
    @Order(1)
    void completedEventIsSignedAndCarriesTheStatusBody() throws Exception {
        JsonNode endpoint = createEndpoint("/ok", "video.completed");
        String secret = endpoint.path("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(List.of("video.completed"), List.of(endpoint.path("events").get(0).asText()));
        // The secret is shown once: never in a read.
        Api.Resp readResp = api.get("/v1/webhooks/" + endpoint.path("id").asText());
        contract.check("/v1/webhooks/" + endpoint.path("id").asText(), Request.Method.GET, readResp, 200);
        JsonNode read = readResp.json();
        assertTrue(read.path("secret").isMissingNode(), read.toString());

        String id = generate(Map.of("prompt", "a calm sea at dawn", "resolution", "720p"));
        JsonNode polled = api.await(id, WAIT);
        Receiver.Hit hit = receiver.await("/ok", 1, WAIT).get(0);
        verify(secret, hit);
        assertTrue(hit.header("webhook-id").startsWith("msg_"), hit.header("webhook-id"));
        JsonNode body = Api.JSON.readTree(hit.body());
        assertEquals("video.completed", body.path("type").asText());
        JsonNode data = body.path("data");
        assertEquals(id, data.path("generation_id").asText());
        assertEquals("completed", data.path("status").asText());
        Set<String> keys = new HashSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        Set<String> getKeys = new HashSet<>();
        polled.fieldNames().forEachRemaining(getKeys::add);
        assertEquals(getKeys, keys, "the event's data is the GET /v1/video/{id} body");
        assertEquals(polled.path("request"), data.path("request"));
        assertTrue(data.path("output_url").asText().startsWith(appliance.baseUrl() + "/v1/files/"), data.toString());

        // A tampered body or another secret does not verify.
        assertThrows(WebhookVerificationException.class, () -> new Webhook(secret).verify(hit.body() + " ", hit.headers()));
        String other = api.postJson("/v1/webhooks", Map.of("url", receiver.url("/other"))).json().path("secret").asText();
        assertThrows(WebhookVerificationException.class, () -> new Webhook(other).verify(hit.body(), hit.headers()));

        JsonNode d = awaitDelivery(endpoint.path("id").asText(), "succeeded");
        assertEquals(1, d.path("attempts").asInt());
        assertEquals(hit.header("webhook-id"), d.path("webhook_id").asText());
        assertEquals(200, d.path("attempt_log").get(0).path("status_code").asInt());
    }

    @Test
    @Order(2)
    void failsTwiceThenSucceedsWithOneWebhookId() throws Exception {
        receiver.script("/flaky", Receiver.Reply.of(500), Receiver.Reply.of(502), Receiver.Reply.of(200));
        JsonNode endpoint = createEndpoint("/flaky", "video.canceled");
        Metrics before = OperabilityIT.metrics(api);
        String id = generate(Map.of("prompt", "a forest in the rain", "resolution", "720p"));
        api.post("/v1/video/" + id + "/cancel", null, "");
        List<Receiver.Hit> hits = receiver.await("/flaky", 3, WAIT);
        assertEquals(1, hits.stream().map(h -> h.header("webhook-id")).distinct().count(), "webhook-id is constant");
        for (Receiver.Hit h : hits) {
            verify(endpoint.path("secret").asText(), h);
            assertEquals("video.canceled", Api.JSON.readTree(h.body()).path("type").asText());
        }
        assertEquals(hits.get(0).body(), hits.get(2).body(), "the payload does not change across retries");
        JsonNode d = awaitDelivery(endpoint.path("id").asText(), "succeeded");
        assertEquals(3, d.path("attempts").asInt());
        JsonNode log = d.path("attempt_log");
        assertEquals(500, log.get(0).path("status_code").asInt());
        assertEquals(502, log.get(1).path("status_code").asInt());
        assertEquals(200, log.get(2).path("status_code").asInt());
        assertEquals(1, counted(before, Map.of("outcome", "failed", "status", "500"), 1), "a failure that will be retried");
        assertEquals(1, counted(before, Map.of("outcome", "failed", "status", "502"), 1));
        assertTrue(counted(before, Map.of("outcome", "delivered", "status", "200"), 1) >= 1, "the success");
        assertNull(d.path("next_attempt_at").textValue(), "a delivered message has no next attempt: " + d);

        // Nothing is sent after the success. Not a sleep: a second event to the same endpoint, sent by a later round
        // of the sender (which claims every delivery due by then), is the next request the receiver gets.
        String later = generate(Map.of("prompt", "a forest after the rain", "resolution", "720p"));
        api.post("/v1/video/" + later + "/cancel", null, "");
        List<Receiver.Hit> after = receiver.await("/flaky", 4, WAIT);
        String first = hits.get(0).header("webhook-id");
        Receiver.Hit next = after.get(3);
        assertNotEquals(first, next.header("webhook-id"), "the request after the success is the next event, not the first again");
        assertEquals(later, Api.JSON.readTree(next.body()).path("data").path("generation_id").asText());
        awaitDelivery(endpoint.path("id").asText(), n -> n.path("webhook_id").asText().equals(next.header("webhook-id"))
                && "succeeded".equals(n.path("status").asText()), "the second event's succeeded");
        assertEquals(3, receiver.hits("/flaky").stream().filter(h -> first.equals(h.header("webhook-id"))).count(),
                "the first event was sent three times, never after its success");
        assertEquals(4, receiver.hits("/flaky").size(), receiver.hits("/flaky").toString());
    }

    @Test
    @Order(3)
    void retryAfterIsHonouredAndRedirectsAreNotFollowed() throws Exception {
        receiver.script("/busy", new Receiver.Reply(503, Map.of("Retry-After", "4"), "busy"), Receiver.Reply.of(200));
        receiver.script("/moved", new Receiver.Reply(302, Map.of("Location", receiver.url("/target")), ""));
        JsonNode busy = createEndpoint("/busy", "video.failed");
        JsonNode moved = createEndpoint("/moved", "video.failed");
        Metrics before = OperabilityIT.metrics(api);
        // A blocked prompt fails at once: a video.failed event.
        String id = generate(Map.of("prompt", "gore everywhere", "resolution", "720p"));
        assertEquals("failed", api.get("/v1/video/" + id).json().path("status").asText());
        List<Receiver.Hit> hits = receiver.await("/busy", 2, WAIT);
        long gap = Duration.between(hits.get(0).at(), hits.get(1).at()).toMillis();
        assertTrue(gap >= 3900, "Retry-After: 4 waited only " + gap + " ms (the schedule says 1 s)");

        receiver.await("/moved", 2, WAIT);
        assertEquals(0, receiver.hits("/target").size(), "a redirect is never followed");
        JsonNode log = deliveries(moved.path("id").asText()).get(0).path("attempt_log");
        assertEquals(302, log.get(0).path("status_code").asInt());
        assertEquals("video.failed", deliveries(busy.path("id").asText()).get(0).path("event_type").asText());
        assertEquals(1, counted(before, Map.of("outcome", "failed", "status", "503"), 1));

        // The schedule (4 retries here) spent, the redirect is given up: 4 failures and 1 gave_up.
        JsonNode given = awaitDelivery(moved.path("id").asText(), "failed");
        assertEquals(5, given.path("attempts").asInt(), given.toString());
        assertEquals(4, counted(before, Map.of("outcome", "failed", "status", "302"), 4));
        assertEquals(1, counted(before, Map.of("outcome", "gave_up", "status", "302"), 1));
    }

    @Test
    @Order(4)
    void goneDisablesTheEndpointUntilEnabledAndRedelivered() throws Exception {
        receiver.script("/gone", Receiver.Reply.of(410), Receiver.Reply.of(200));
        JsonNode endpoint = createEndpoint("/gone", "video.completed");
        Metrics before = OperabilityIT.metrics(api);
        String endpointId = endpoint.path("id").asText();
        generate(Map.of("prompt", "desert dunes at noon", "resolution", "720p"));
        JsonNode d = awaitDelivery(endpointId, "failed");
        assertEquals(1, d.path("attempts").asInt(), "a 410 is not retried");
        JsonNode e = api.get("/v1/webhooks/" + endpointId).json();
        assertEquals("disabled", e.path("status").asText());
        assertEquals(1, counted(before, Map.of("outcome", "disabled", "status", "410"), 1), "a 410 disables the endpoint");

        String redeliver = "/v1/webhooks/deliveries/" + d.path("id").asText() + "/redeliver";
        Api.Resp refused = api.post(redeliver, null, "");
        ErrorsIT.assertError(refused, 409, "webhook.disabled", null);
        contract.check(redeliver, Request.Method.POST, refused, 409);
        Api.Resp enabled = api.post("/v1/webhooks/" + endpointId + "/enable", null, "");
        contract.check("/v1/webhooks/" + endpointId + "/enable", Request.Method.POST, enabled, 200);
        assertEquals("active", enabled.json().path("status").asText());
        String again = "/v1/webhooks/" + endpointId + "/deliveries/" + d.path("id").asText() + "/redeliver";
        Api.Resp redelivered = api.post(again, null, "");
        assertEquals(202, redelivered.status(), redelivered.text());
        contract.check(again, Request.Method.POST, redelivered, 202);
        List<Receiver.Hit> hits = receiver.await("/gone", 2, WAIT);
        assertEquals(hits.get(0).header("webhook-id"), hits.get(1).header("webhook-id"), "a redelivery is the same message");
        JsonNode done = awaitDelivery(endpointId, "succeeded");
        assertEquals(2, done.path("attempts").asInt());
    }

    @Test
    @Order(5)
    void webhookUrlOnGenerateIsSignedWithTheAccountKey() throws Exception {
        Api.Resp missing = api.generate(Map.of("prompt", "city lights", "webhook_url", receiver.url("/per-job")));
        ErrorsIT.assertError(missing, 422, "webhook_signing_key_missing", "webhook_url");
        Api.Resp key = api.post("/v1/webhooks/signing-key", null, "");
        assertEquals(200, key.status(), key.text());
        String secret = key.json().path("secret").asText();
        assertTrue(secret.startsWith("whsec_"));
        ErrorsIT.assertError(api.generate(Map.of("prompt", "x", "webhook_url", "ftp://example.com/x")),
                422, "invalid_webhook_url", "webhook_url");

        String json = generate(Map.of("prompt", "city lights at night", "resolution", "720p",
                "webhook_url", receiver.url("/per-job")));
        Api.Resp multipart = api.generateMultipart(Map.of("prompt", "mountain lake", "resolution", "720p",
                "webhook_url", receiver.url("/per-job")), null, null, null);
        assertEquals(202, multipart.status(), multipart.text());
        List<Receiver.Hit> hits = receiver.await("/per-job", 2, WAIT);
        Set<String> ids = new HashSet<>();
        for (Receiver.Hit h : hits) {
            verify(secret, h);
            ids.add(Api.JSON.readTree(h.body()).path("data").path("generation_id").asText());
        }
        assertEquals(Set.of(json, multipart.json().path("generation_id").asText()), ids);
        JsonNode all = api.get("/v1/webhooks/deliveries").json().path("data");
        assertTrue(all.toString().contains(json), "account-wide deliveries list the per-generation one");
    }

    @Test
    @Order(6)
    void rotationSignsWithBothSecretsDuringTheGracePeriod() throws Exception {
        JsonNode endpoint = createEndpoint("/rotated", "video.completed");
        String old = endpoint.path("secret").asText();
        String rotate = "/v1/webhooks/" + endpoint.path("id").asText() + "/rotate-secret";
        Api.Resp rotation = api.post(rotate, null, "");
        contract.check(rotate, Request.Method.POST, rotation, 200);
        JsonNode rotated = rotation.json();
        String fresh = rotated.path("secret").asText();
        assertNotEquals(old, fresh);
        assertTrue(Instant.parse(rotated.path("previous_secret_valid_until").asText()).isAfter(Instant.now()));
        generate(Map.of("prompt", "snowy peaks", "resolution", "720p"));
        Receiver.Hit hit = receiver.await("/rotated", 1, WAIT).get(0);
        assertEquals(2, hit.header("webhook-signature").split(" ").length, hit.header("webhook-signature"));
        verify(fresh, hit);
        verify(old, hit);
    }

    @Test
    @Order(7)
    void endpointsAreListedValidatedAndDeleted() throws Exception {
        ErrorsIT.assertError(api.postJson("/v1/webhooks", Map.of("url", receiver.url("/x"), "events", List.of("video.exploded"))),
                422, "invalid_event", "events");
        ErrorsIT.assertError(api.postJson("/v1/webhooks", Map.of("events", List.of())), 422, "url_required", "url");
        ErrorsIT.assertError(api.postJson("/v1/webhooks", Map.of("url", "not a url")), 422, "invalid_webhook_url", "url");
        ErrorsIT.assertError(api.post("/v1/webhooks", "application/json", "[1]"), 400, "invalid_json", null);
        JsonNode e = createEndpoint("/to-delete");
        String one = "/v1/webhooks/" + e.path("id").asText();
        Api.Resp list = api.get("/v1/webhooks");
        contract.check("/v1/webhooks", Request.Method.GET, list, 200);
        assertTrue(list.json().path("data").toString().contains(e.path("id").asText()));
        Api.Resp deleted = api.delete(one);
        assertEquals(204, deleted.status());
        contract.check(one, Request.Method.DELETE, deleted, 204);
        Api.Resp gone = api.get(one);
        ErrorsIT.assertError(gone, 404, "webhook.not_found", null);
        contract.check(one, Request.Method.GET, gone, 404);
        Api.Resp unknown = api.get("/v1/webhooks/deliveries/dlv_nope");
        ErrorsIT.assertError(unknown, 404, "delivery.not_found", null);
        contract.check("/v1/webhooks/deliveries/dlv_nope", Request.Method.GET, unknown, 404);
    }

    @Test
    @Order(8)
    void aRestartBetweenAttemptsKeepsTheDelivery() throws Exception {
        // Retry-After keeps the second attempt away until the appliance is down.
        receiver.script("/restart", new Receiver.Reply(500, Map.of("Retry-After", "20"), "down"), Receiver.Reply.of(200));
        JsonNode endpoint = createEndpoint("/restart", "video.completed");
        for (JsonNode other : api.get("/v1/webhooks").json().path("data")) {
            if (!other.path("id").asText().equals(endpoint.path("id").asText())) {
                api.delete("/v1/webhooks/" + other.path("id").asText());
            }
        }
        String endpointId = endpoint.path("id").asText();
        generate(Map.of("prompt", "harbour at dusk", "resolution", "720p"));
        receiver.await("/restart", 1, WAIT);
        // The appliance's own record of the first attempt, before it goes down: still pending, the second attempt
        // put off by the receiver's Retry-After (past the stop). No sleep: the test waits for what must happen.
        JsonNode pending = awaitDelivery(endpointId, n -> n.path("attempts").asInt() == 1, "attempted once");
        assertEquals("pending", pending.path("status").asText(), pending.toString());
        Instant firstAttempt = Instant.parse(pending.path("attempt_log").get(0).path("attempted_at").asText());
        Instant nextAttempt = Instant.parse(pending.path("next_attempt_at").asText());
        assertFalse(nextAttempt.isBefore(firstAttempt.plusSeconds(20)), "Retry-After puts the second attempt off: " + pending);
        appliance.stop();
        assertEquals(1, receiver.hits("/restart").size(), "no second attempt before the appliance went down");
        Instant restarted = Instant.now();
        appliance.boot();
        List<Receiver.Hit> hits = receiver.await("/restart", 2, WAIT);
        assertEquals(hits.get(0).header("webhook-id"), hits.get(1).header("webhook-id"));
        assertFalse(hits.get(1).at().isBefore(restarted), "the second attempt is the restarted appliance's");
        assertFalse(hits.get(1).at().isBefore(nextAttempt), "and not before the time it was put off to");
        verify(endpoint.path("secret").asText(), hits.get(1));
        JsonNode d = awaitDelivery(endpointId, "succeeded");
        assertEquals(2, d.path("attempts").asInt());
        assertNull(d.path("next_attempt_at").textValue());
        assertEquals(2, receiver.hits("/restart").size(), "one attempt before the restart and one after");
    }

    @Test
    @Order(9)
    void videosMadeAndDeletedThroughTheOpenAiSurfaceSendEvents() throws Exception {
        JsonNode endpoint = createEndpoint("/openai", "video.completed", "video.canceled");
        Api.Resp done = api.postJson("/v1/videos", Map.of("prompt", "a lighthouse in fog", "size", "1280x720"));
        assertEquals(200, done.status(), done.text());
        Api.Resp doomed = api.postJson("/v1/videos", Map.of("prompt", "a lighthouse at night", "size", "1280x720"));
        assertEquals(200, doomed.status(), doomed.text());
        String doomedId = doomed.json().path("id").asText();
        Api.Resp deleted = api.delete("/v1/videos/" + doomedId);
        assertEquals(200, deleted.status(), deleted.text());
        Map<String, String> events = new java.util.HashMap<>();
        for (Receiver.Hit h : receiver.await("/openai", 2, WAIT)) {
            verify(endpoint.path("secret").asText(), h);
            JsonNode body = Api.JSON.readTree(h.body());
            events.put(body.path("data").path("generation_id").asText(), body.path("type").asText());
        }
        assertEquals(Map.of(done.json().path("id").asText(), "video.completed", doomedId, "video.canceled"), events);
    }
}
