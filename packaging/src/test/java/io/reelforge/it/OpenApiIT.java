package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The served {@code /openapi} document against the appliance's real behaviour: every main endpoint's answers,
 * errors included, must match a documented status and validate against its schema (unknown properties,
 * missing required ones, wrong types and undocumented statuses all fail), so the document cannot drift. The
 * video, account, OpenAI-shaped, webhook and admin surfaces are all checked.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class OpenApiIT {

    static final String ADMIN_PASSWORD = "openapi it admin password";

    private static Appliance appliance;
    private static OpenApiContract contract;

    @BeforeAll
    static void loadDocument() throws Exception {
        appliance = SharedAppliance.get();
        contract = OpenApiContract.of(appliance);
    }

    @Test
    void documentDescribesEveryOperationWithItsErrors() throws Exception {
        JsonNode doc = contract.document();
        JsonNode generate = doc.path("paths").path("/v1/video/generate").path("post");
        for (String status : new String[] {"202", "400", "401", "402", "403", "413", "415", "422", "429", "503"}) {
            assertTrue(generate.path("responses").has(status), "POST /v1/video/generate documents " + status);
        }
        assertTrue(generate.path("requestBody").path("content").has("application/json"));
        assertTrue(generate.path("requestBody").path("content").has("multipart/form-data"));
        JsonNode generation = doc.path("components").path("schemas").path("Generation");
        assertTrue(generation.path("properties").has("generation_id"), "snake_case on the wire");
        assertTrue(generation.path("properties").path("status").has("example"));
        assertTrue(doc.path("components").path("securitySchemes").has("apiKey"));
        assertTrue(doc.path("paths").path("/v1/files/{name}").path("get").path("responses").has("410"));
        JsonNode limits = doc.path("components").path("schemas").path("Limits").path("properties");
        assertTrue(limits.has("daily_clip_cap") && limits.has("allowed_resolutions"), "the console's quotas: " + limits);
        assertTrue(generation.path("properties").has("queue_position") && generation.path("properties").has("thumbnail_url"));
        assertTrue(doc.path("paths").path("/v1/video/{id}/events").has("get"), "the live status stream");
        for (String status : new String[] {"200", "400", "401", "429"}) {
            assertTrue(doc.path("paths").path("/v1/videos").path("post").path("responses").has(status), "POST /v1/videos documents " + status);
        }
    }

    /**
     * Every webhook and admin operation as completely as the video ones: a summary, no undocumented default
     * answer, every error with the Error schema, snake_case schemas with examples, and the admin API under
     * HTTP Basic instead of the API key.
     */
    @Test
    void webhookAndAdminOperationsAreDocumentedCompletely() throws Exception {
        JsonNode doc = contract.document();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1/webhooks") && !path.getKey().startsWith("/v1/admin")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                JsonNode o = op.getValue();
                if (o.path("summary").asText().isBlank() || o.path("operationId").asText().isBlank()) {
                    problems.add(name + ": no summary or operationId");
                }
                if (o.path("tags").size() == 0) {
                    problems.add(name + ": no tag");
                }
                if (o.path("responses").has("default")) {
                    problems.add(name + ": an undocumented default response");
                }
                boolean admin = path.getKey().startsWith("/v1/admin");
                if (admin != o.path("security").toString().contains("consoleBasic")) {
                    problems.add(name + ": security " + o.path("security"));
                }
                if (!o.path("responses").has("401") || !admin && !o.path("responses").has("429")) {
                    problems.add(name + ": 401, or an API key's 429, missing");
                }
                for (Iterator<Map.Entry<String, JsonNode>> rs = o.path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (Integer.parseInt(r.getKey()) >= 400 && !errorSchema(doc, r.getValue())) {
                        problems.add(name + " " + r.getKey() + ": not the Error schema");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(40, operations, "every webhook and admin operation is in the document");
        JsonNode schemas = doc.path("components").path("schemas");
        for (String schema : new String[] {"WebhookEndpoint", "WebhookEndpointCreated", "WebhookSecret", "Delivery",
                "DeliveryAttempt", "WebhookCreateRequest", "Engine", "ModelVersion", "PasswordChange", "LiveSetting"}) {
            JsonNode props = schemas.path(schema).path("properties");
            assertTrue(props.size() > 0, schema + " has properties");
            props.fieldNames().forEachRemaining(p -> assertTrue(p.equals(p.toLowerCase()), schema + "." + p + " is snake_case"));
        }
        assertTrue(schemas.path("Delivery").path("properties").path("attempt_log").path("items").path("$ref").asText()
                .endsWith("/DeliveryAttempt"));
        assertEquals("video.completed", schemas.path("WebhookEndpoint").path("properties").path("events").path("items")
                .path("enum").path(0).asText());
        assertTrue(schemas.path("DeliveryAttempt").path("properties").path("status_code").path("example").isInt(),
                "examples are typed");
        assertTrue(schemas.path("WebhookCreateRequest").path("example").isObject());
        assertEquals("basic", doc.path("components").path("securitySchemes").path("consoleBasic").path("scheme").asText());
        JsonNode imports = doc.path("paths").path("/v1/admin/models").path("post").path("requestBody").path("content");
        assertTrue(imports.has("application/json") && imports.has("multipart/form-data"), imports.toString());
    }

    private static boolean errorSchema(JsonNode doc, JsonNode response) {
        JsonNode r = response;
        if (r.has("$ref")) {
            String name = r.path("$ref").asText().substring("#/components/responses/".length());
            r = doc.path("components").path("responses").path(name);
        }
        return r.path("content").path("application/json").path("schema").path("$ref").asText().endsWith("/Error");
    }

    @Test
    void realResponsesMatchTheDocument() throws Exception {
        Api api = appliance.api();
        Api.Resp accepted = api.generate(Map.of("prompt", "mountain lake at dawn", "resolution", "720p"));
        contract.check("/v1/video/generate", Request.Method.POST, accepted, 202);
        String id = accepted.json().path("generation_id").asText();
        contract.check("/v1/video/generate", Request.Method.POST,
                api.generate(Map.of("prompt", "x", "resolution", "4k")), 422);
        contract.check("/v1/video/generate", Request.Method.POST, api.post("/v1/video/generate", "application/json", "{oops"), 400);
        contract.check("/v1/video/generate", Request.Method.POST, api.post("/v1/video/generate", "text/plain", "hello"), 415);
        contract.check("/v1/video/generate", Request.Method.POST, api.withKey(null).generate(Map.of("prompt", "x")), 401);

        contract.check("/v1/video/" + id, Request.Method.GET, api.get("/v1/video/" + id), 200);
        contract.check("/v1/video/unknown-id", Request.Method.GET, api.get("/v1/video/unknown-id"), 404);
        contract.check("/v1/video", Request.Method.GET, api.get("/v1/video?limit=2"), 200);
        contract.check("/v1/video", Request.Method.GET, api.get("/v1/video?limit=0"), 422);
        contract.check("/v1/account", Request.Method.GET, api.get("/v1/account"), 200);
        contract.check("/v1/account/ledger", Request.Method.GET, api.get("/v1/account/ledger?limit=3"), 200);

        JsonNode done = api.await(id, Duration.ofMinutes(2));
        contract.check("/v1/video/" + id, Request.Method.GET, api.get("/v1/video/" + id), 200);
        contract.check("/v1/video/" + id + "/cancel", Request.Method.POST, api.post("/v1/video/" + id + "/cancel", "application/json", ""), 409);
        String url = done.path("output_url").asText();
        String path = java.net.URI.create(url).getPath();
        contract.check(path, Request.Method.GET, api.getUrl(url.replace("signature=", "signature=0"), Map.of()), 403);
        Api.Resp range = api.getUrl(url, Map.of("Range", "bytes=0-99"));
        assertEquals(206, range.status());
        contract.check(path, Request.Method.GET, range, 206);

        String queued = api.generate(Map.of("prompt", "city at dusk", "resolution", "720p")).json().path("generation_id").asText();
        contract.check("/v1/video/" + queued + "/cancel", Request.Method.POST,
                api.post("/v1/video/" + queued + "/cancel", "application/json", ""), 200);

        // The OpenAI-shaped surface: the same strict check (its field errors are 400, as OpenAI answers).
        Api.Resp video = api.postJson("/v1/videos", Map.of("prompt", "harbour at night", "size", "1280x720"));
        contract.check("/v1/videos", Request.Method.POST, video, 200);
        String videoId = video.json().path("id").asText();
        contract.check("/v1/videos", Request.Method.POST, api.postJson("/v1/videos", Map.of("size", "1280x720")), 400);
        contract.check("/v1/videos/" + videoId, Request.Method.GET, api.get("/v1/videos/" + videoId), 200);
        contract.check("/v1/videos/unknown-id", Request.Method.GET, api.get("/v1/videos/unknown-id"), 404);
        contract.check("/v1/videos", Request.Method.GET, api.get("/v1/videos?limit=2"), 200);
        contract.check("/v1/videos", Request.Method.GET, api.get("/v1/videos?limit=0"), 400);
        contract.check("/v1/videos/" + videoId, Request.Method.DELETE, api.delete("/v1/videos/" + videoId), 200);
        contract.assertAllMatched();
    }

    /**
     * The webhook surface on the shared appliance, which allows no loopback address: an endpoint on "localhost"
     * is accepted (a name is checked when it is sent to) and its attempt is refused, so a delivery with an
     * attempt that got no HTTP status is validated too. Successful attempts, 409 and the other answers of a
     * receiver are checked in {@link WebhookIT}.
     */
    @Test
    void webhookResponsesMatchTheDocument() throws Exception {
        Api api = appliance.api();
        String w = "/v1/webhooks";
        Api.Resp created = api.postJson(w, Map.of("url", "http://localhost:9/openapi-it", "events", List.of("video.failed"),
                "description", "OpenApiIT"));
        contract.check(w, Request.Method.POST, created, 201);
        String endpoint = created.json().path("id").asText();
        try {
            contract.check(w, Request.Method.POST, api.postJson(w, Map.of("url", "http://127.0.0.1:9/x")), 422);
            contract.check(w, Request.Method.POST, api.postJson(w, Map.of("url", "http://10.0.0.1/x", "events", List.of("video.done"))), 422);
            contract.check(w, Request.Method.POST, api.post(w, "application/json", "{oops"), 400);
            contract.check(w, Request.Method.POST, api.post(w, "text/plain", "hello"), 415);
            contract.check(w, Request.Method.POST, api.withKey(null).postJson(w, Map.of("url", "http://10.0.0.1/x")), 401);
            contract.check(w, Request.Method.GET, api.get(w), 200);
            contract.check(w + "/" + endpoint, Request.Method.GET, api.get(w + "/" + endpoint), 200);
            contract.check(w + "/we_nope", Request.Method.GET, api.get(w + "/we_nope"), 404);
            contract.check(w + "/" + endpoint + "/rotate-secret", Request.Method.POST,
                    api.post(w + "/" + endpoint + "/rotate-secret", null, ""), 200);
            contract.check(w + "/" + endpoint + "/enable", Request.Method.POST, api.post(w + "/" + endpoint + "/enable", null, ""), 200);
            contract.check(w + "/signing-key", Request.Method.POST, api.post(w + "/signing-key", null, ""), 200);

            // A blocked prompt fails at once: a video.failed delivery, whose attempt is refused (loopback).
            assertEquals(202, api.generate(Map.of("prompt", "gore", "resolution", "720p")).status());
            String delivery = awaitAttempt(api, endpoint);
            contract.check(w + "/" + endpoint + "/deliveries", Request.Method.GET, api.get(w + "/" + endpoint + "/deliveries"), 200);
            contract.check(w + "/deliveries", Request.Method.GET, api.get(w + "/deliveries?limit=1"), 200);
            contract.check(w + "/deliveries", Request.Method.GET, api.get(w + "/deliveries?limit=0"), 422);
            contract.check(w + "/deliveries", Request.Method.GET, api.get(w + "/deliveries?cursor=nonsense"), 422);
            contract.check(w + "/deliveries/" + delivery, Request.Method.GET, api.get(w + "/deliveries/" + delivery), 200);
            contract.check(w + "/deliveries/dlv_nope", Request.Method.GET, api.get(w + "/deliveries/dlv_nope"), 404);
            contract.check(w + "/deliveries/" + delivery + "/redeliver", Request.Method.POST,
                    api.post(w + "/deliveries/" + delivery + "/redeliver", null, ""), 202);
            contract.check(w + "/" + endpoint + "/deliveries/" + delivery + "/redeliver", Request.Method.POST,
                    api.post(w + "/" + endpoint + "/deliveries/" + delivery + "/redeliver", null, ""), 202);
            contract.check(w + "/we_nope/deliveries", Request.Method.GET, api.get(w + "/we_nope/deliveries"), 404);
        } finally {
            contract.check(w + "/" + endpoint, Request.Method.DELETE, api.delete(w + "/" + endpoint), 204);
        }
        contract.check(w + "/" + endpoint, Request.Method.DELETE, api.delete(w + "/" + endpoint), 404);
        contract.assertAllMatched();
    }

    private static String awaitAttempt(Api api, String endpoint) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode data = api.get("/v1/webhooks/" + endpoint + "/deliveries").json().path("data");
            if (data.size() > 0 && data.get(0).path("attempt_log").size() > 0) {
                JsonNode attempt = data.get(0).path("attempt_log").get(0);
                assertTrue(attempt.path("status_code").isNull() && attempt.path("error").asText().contains("loopback"),
                        attempt.toString());
                return data.get(0).path("id").asText();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no attempt for " + endpoint);
    }

    /** The admin API with console credentials: the forced password change, engines, versions and its refusals. */
    @Test
    void adminResponsesMatchTheDocument() throws Exception {
        Api printed = appliance.api().asConsoleUser("admin", appliance.firstAdminPassword());
        Api.Resp first = printed.get("/v1/admin/engines");
        contract.check("/v1/admin/engines", Request.Method.GET, first, 403);
        assertEquals("password_change_required", first.errorCode());
        contract.check("/v1/admin/password", Request.Method.POST, printed.postJson("/v1/admin/password",
                Map.of("current", appliance.firstAdminPassword(), "password", "short")), 422);
        contract.check("/v1/admin/password", Request.Method.POST, printed.postJson("/v1/admin/password",
                Map.of("current", appliance.firstAdminPassword(), "password", ADMIN_PASSWORD)), 204);
        Api admin = appliance.api().asConsoleUser("admin", ADMIN_PASSWORD);

        contract.check("/v1/admin/engines", Request.Method.GET, admin.get("/v1/admin/engines"), 200);
        contract.check("/v1/admin/engines", Request.Method.GET, appliance.api().withKey(null).get("/v1/admin/engines"), 401);
        contract.check("/v1/admin/engines", Request.Method.GET, appliance.api().get("/v1/admin/engines"), 401);
        contract.check("/v1/admin/models", Request.Method.GET, admin.get("/v1/admin/models"), 200);
        String family = "/v1/admin/models/wan2.1-t2v-1.3b";
        contract.check(family + "/9", Request.Method.GET, admin.get(family + "/9"), 404);
        contract.check("/v1/admin/models/no-such-family/1", Request.Method.GET, admin.get("/v1/admin/models/no-such-family/1"), 404);
        contract.check(family + "/9/activate", Request.Method.POST, admin.post(family + "/9/activate", null, ""), 404);
        contract.check(family + "/rollback", Request.Method.POST, admin.post(family + "/rollback", null, ""), 409);
        contract.check(family + "/9", Request.Method.DELETE, admin.delete(family + "/9"), 404);
        contract.check("/v1/admin/models", Request.Method.POST, admin.postJson("/v1/admin/models", Map.of()), 422);
        contract.check("/v1/admin/models", Request.Method.POST,
                admin.postJson("/v1/admin/models", Map.of("path", "../../etc")), 422);
        contract.check("/v1/admin/models", Request.Method.POST, admin.post("/v1/admin/models", "application/json", "{oops"), 400);
        contract.check("/v1/admin/models", Request.Method.POST, admin.post("/v1/admin/models", "text/plain", "x"), 415);
        accountsAndKeys(admin);
        settings(admin);
        contract.assertAllMatched();
    }

    /**
     * The settings over the admin API: read, a change to the value it already has, refusals. No rotation: the
     * shared appliance's signed URLs must stay valid for the other tests (SharedStateIT rotates).
     */
    private static void settings(Api admin) throws Exception {
        String s = "/v1/admin/settings";
        Api.Resp read = admin.get(s);
        contract.check(s, Request.Method.GET, read, 200);
        int days = read.json().path("retention_days").asInt();
        contract.check(s, Request.Method.PATCH, admin.patchJson(s, Map.of("retention_days", days)), 200);
        contract.check(s, Request.Method.PATCH, admin.patchJson(s, Map.of("retention_days", 0)), 422);
        contract.check(s, Request.Method.PATCH, admin.patchJson(s, Map.of("retention_days", "seven")), 422);
        contract.check(s, Request.Method.GET, appliance.api().get(s), 401);
        String rotate = s + "/url-key/rotate";
        contract.check(rotate, Request.Method.POST, admin.postJson(rotate, Map.of("cut_off", "yes")), 422);
    }

    /**
     * Accounts, keys and credits over the admin API, as a provisioning script uses them: the new account's key
     * works at once with the plan's grant, its quota and a deduction to zero hold on /v1, a revoked key is refused.
     */
    private static void accountsAndKeys(Api admin) throws Exception {
        String a = "/v1/admin/accounts";
        contract.check("/v1/admin/plans", Request.Method.GET, admin.get("/v1/admin/plans"), 200);
        Api.Resp created = admin.postJson(a, Map.of("name", "OpenApiIT provisioned", "plan", "starter", "max_concurrent_jobs", 1));
        contract.check(a, Request.Method.POST, created, 201);
        String id = created.json().path("id").asText();
        assertEquals(1, created.json().path("max_concurrent_jobs").asInt());
        assertEquals(10_000, created.json().path("balance").asLong(), "the plan's first grant");
        // one account per name, whatever its case: 409 naming the field, on create and on rename
        Api.Resp taken = admin.postJson(a, Map.of("name", "openapiit PROVISIONED"));
        contract.check(a, Request.Method.POST, taken, 409);
        assertEquals("account.name_taken", taken.json().path("error").path("code").asText(), taken.text());
        assertEquals("name", taken.json().path("error").path("param").asText(), taken.text());
        String second = admin.postJson(a, Map.of("name", "OpenApiIT second")).json().path("id").asText();
        Api.Resp renamed = admin.patchJson(a + "/" + second, Map.of("name", "OpenApiIT Provisioned"));
        contract.check(a + "/" + second, Request.Method.PATCH, renamed, 409);
        assertEquals("OpenApiIT second", admin.get(a + "/" + second).json().path("name").asText(), "the rename did not happen");
        contract.check(a, Request.Method.POST, admin.postJson(a, Map.of("name", "x", "max_concurrent_jobs", "five")), 422);
        contract.check(a, Request.Method.POST, admin.postJson(a, Map.of("plan", "starter")), 422);
        contract.check(a, Request.Method.POST, admin.postJson(a, Map.of("name", "x", "plan", "no-such-plan")), 404);
        contract.check(a, Request.Method.POST, admin.post(a, "application/json", "{oops"), 400);
        contract.check(a, Request.Method.POST, admin.post(a, "text/plain", "x"), 415);
        contract.check(a, Request.Method.GET, admin.get(a + "?limit=2"), 200);
        contract.check(a, Request.Method.GET, admin.get(a + "?limit=0"), 422);
        contract.check(a + "/" + id, Request.Method.GET, admin.get(a + "/" + id), 200);
        contract.check(a + "/nope", Request.Method.GET, admin.get(a + "/nope"), 404);
        contract.check(a + "/" + id, Request.Method.GET, appliance.api().get(a + "/" + id), 401);

        Api.Resp key = admin.postJson(a + "/" + id + "/keys", Map.of("mode", "live", "name", "it"));
        contract.check(a + "/" + id + "/keys", Request.Method.POST, key, 201);
        contract.check(a + "/" + id + "/keys", Request.Method.POST, admin.postJson(a + "/" + id + "/keys", Map.of("mode", "gold")), 422);
        contract.check(a + "/nope/keys", Request.Method.POST, admin.postJson(a + "/nope/keys", Map.of()), 404);
        contract.check(a + "/" + id + "/keys", Request.Method.GET, admin.get(a + "/" + id + "/keys"), 200);
        assertTrue(admin.get(a + "/" + id + "/keys").json().path("data").get(0).path("key").isNull(), "a key is shown once");
        Api customer = appliance.api().withKey(key.json().path("key").asText());
        assertEquals(10_000, customer.balance());
        assertEquals(202, customer.generate(Map.of("prompt", "a quiet forest", "resolution", "720p")).status());
        assertEquals(429, customer.generate(Map.of("prompt", "a second forest", "resolution", "720p")).status(), "a quota of 1");

        Api.Resp patched = admin.patchJson(a + "/" + id, Map.of("max_concurrent_jobs", 3, "allowed_resolutions", List.of("720p")));
        contract.check(a + "/" + id, Request.Method.PATCH, patched, 200);
        assertEquals(List.of("720p"), List.of(patched.json().path("allowed_resolutions").get(0).asText()));
        contract.check(a + "/" + id, Request.Method.PATCH, admin.patchJson(a + "/" + id, Map.of("status", "gone")), 422);
        assertEquals(403, customer.generate(Map.of("prompt", "full hd", "resolution", "1080p")).status());

        long balance = customer.balance();
        Api.Resp deducted = admin.postJson(a + "/" + id + "/credits", Map.of("amount", -balance, "reason", "OpenApiIT: to zero"));
        contract.check(a + "/" + id + "/credits", Request.Method.POST, deducted, 200);
        assertEquals(0, deducted.json().path("balance").asLong());
        // below zero only when asked for explicitly (ledger:overdraw, audited); an admin may
        Api.Resp below = admin.postJson(a + "/" + id + "/credits", Map.of("amount", -5, "reason", "OpenApiIT: below zero"));
        contract.check(a + "/" + id + "/credits", Request.Method.POST, below, 409);
        assertEquals("ledger.negative_balance", below.json().path("error").path("code").asText(), below.text());
        contract.check(a + "/" + id + "/credits", Request.Method.POST, admin.postJson(a + "/" + id + "/credits",
                Map.of("amount", -5, "reason", "OpenApiIT", "allow_negative", "yes")), 422);
        Api.Resp overdrawn = admin.postJson(a + "/" + id + "/credits",
                Map.of("amount", -5, "reason", "OpenApiIT: agreed overdraft", "allow_negative", true));
        contract.check(a + "/" + id + "/credits", Request.Method.POST, overdrawn, 200);
        assertEquals(-5, overdrawn.json().path("balance").asLong());
        assertEquals(0, admin.postJson(a + "/" + id + "/credits", Map.of("amount", 5, "reason", "OpenApiIT: overdraft settled"))
                .json().path("balance").asLong());
        JsonNode last = customer.get("/v1/account/ledger").json().path("data").path(0);
        assertEquals("adjustment", last.path("kind").asText(), last.toString());
        assertEquals("OpenApiIT: overdraft settled", last.path("reason").asText(), last.toString());
        contract.check(a + "/" + id + "/credits", Request.Method.POST, admin.postJson(a + "/" + id + "/credits", Map.of("amount", 5)), 422);
        assertEquals(402, customer.generate(Map.of("prompt", "no credits left", "resolution", "720p")).status());

        String keyId = key.json().path("id").asText();
        contract.check(a + "/" + id + "/keys/" + keyId, Request.Method.DELETE, admin.delete(a + "/" + id + "/keys/" + keyId), 204);
        contract.check(a + "/" + id + "/keys/nope", Request.Method.DELETE, admin.delete(a + "/" + id + "/keys/nope"), 404);
        assertEquals(401, customer.get("/v1/account").status(), "a revoked key");
    }

    @Test
    void aDriftIsCaught() throws Exception {
        // The validator itself must refuse what the document does not say: an extra field and an undocumented status.
        ValidationReport extra = contract.validator().validateResponse("/v1/account", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody(((com.fasterxml.jackson.databind.node.ObjectNode) appliance.api().get("/v1/account").json()).put("surprise", 1).toString()).build());
        assertTrue(extra.hasErrors(), "an undocumented property fails");
        ValidationReport status = contract.validator().validateResponse("/v1/account", Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build());
        assertTrue(status.hasErrors(), "an undocumented status fails");
        // A webhook endpoint with a camelCase field (the Java name) or a null where none is allowed fails too.
        String endpoint = "{\"id\":\"we_1\",\"url\":\"http://10.0.0.1/x\",\"description\":null,\"events\":[],\"status\":"
                + "\"active\",\"disabled_reason\":null,\"created_at\":\"2026-01-01T00:00:00Z\"}";
        assertFalse(webhook(endpoint).hasErrors(), webhook(endpoint).getMessages().toString());
        assertTrue(webhook(endpoint.replace("\"created_at\"", "\"createdAt\"")).hasErrors(), "a Java field name fails");
        assertTrue(webhook(endpoint.replace("\"status\":\"active\"", "\"status\":null")).hasErrors(), "a null status fails");
    }

    private static ValidationReport webhook(String body) {
        return contract.validator().validateResponse("/v1/webhooks/we_1", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
    }
}
