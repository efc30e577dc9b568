package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served {@code /openapi} document against the appliance's real behaviour: every main endpoint's answers,
 * errors included, must match a documented status and validate against its schema (unknown properties,
 * missing required ones, wrong types and undocumented statuses all fail), so the document cannot drift.
 */
class OpenApiIT {

    private static Appliance appliance;
    private static OpenApiInteractionValidator validator;
    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void loadDocument() throws Exception {
        appliance = SharedAppliance.get();
        Api.Resp doc = appliance.api().withKey(null).getUrl(appliance.baseUrl() + "/openapi", Map.of("Accept", "application/json"));
        assertEquals(200, doc.status(), doc.text());
        assertEquals("3", doc.json().path("openapi").asText().substring(0, 1));
        // Payara adds a root "endpoints" map (its own listing, not OpenAPI); the parser refuses unknown root keys.
        com.fasterxml.jackson.databind.node.ObjectNode spec = (com.fasterxml.jackson.databind.node.ObjectNode) doc.json();
        spec.remove("endpoints");
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString()).build();
    }

    @Test
    void documentDescribesEveryOperationWithItsErrors() throws Exception {
        JsonNode doc = appliance.api().withKey(null).getUrl(appliance.baseUrl() + "/openapi", Map.of("Accept", "application/json")).json();
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

    @Test
    void realResponsesMatchTheDocument() throws Exception {
        Api api = appliance.api();
        Api.Resp accepted = api.generate(Map.of("prompt", "mountain lake at dawn", "resolution", "720p"));
        check("/v1/video/generate", Request.Method.POST, accepted, 202);
        String id = accepted.json().path("generation_id").asText();
        check("/v1/video/generate", Request.Method.POST,
                api.generate(Map.of("prompt", "x", "resolution", "4k")), 422);
        check("/v1/video/generate", Request.Method.POST, api.post("/v1/video/generate", "application/json", "{oops"), 400);
        check("/v1/video/generate", Request.Method.POST, api.post("/v1/video/generate", "text/plain", "hello"), 415);
        check("/v1/video/generate", Request.Method.POST, api.withKey(null).generate(Map.of("prompt", "x")), 401);

        check("/v1/video/" + id, Request.Method.GET, api.get("/v1/video/" + id), 200);
        check("/v1/video/unknown-id", Request.Method.GET, api.get("/v1/video/unknown-id"), 404);
        check("/v1/video", Request.Method.GET, api.get("/v1/video?limit=2"), 200);
        check("/v1/video", Request.Method.GET, api.get("/v1/video?limit=0"), 422);
        check("/v1/account", Request.Method.GET, api.get("/v1/account"), 200);
        check("/v1/account/ledger", Request.Method.GET, api.get("/v1/account/ledger?limit=3"), 200);

        JsonNode done = api.await(id, Duration.ofMinutes(2));
        check("/v1/video/" + id, Request.Method.GET, api.get("/v1/video/" + id), 200);
        check("/v1/video/" + id + "/cancel", Request.Method.POST, api.post("/v1/video/" + id + "/cancel", "application/json", ""), 409);
        String url = done.path("output_url").asText();
        String path = java.net.URI.create(url).getPath();
        check(path, Request.Method.GET, api.getUrl(url.replace("signature=", "signature=0"), Map.of()), 403);
        Api.Resp range = api.getUrl(url, Map.of("Range", "bytes=0-99"));
        assertEquals(206, range.status());
        check(path, Request.Method.GET, range, 206);

        String queued = api.generate(Map.of("prompt", "city at dusk", "resolution", "720p")).json().path("generation_id").asText();
        check("/v1/video/" + queued + "/cancel", Request.Method.POST,
                api.post("/v1/video/" + queued + "/cancel", "application/json", ""), 200);

        // The OpenAI-shaped surface: the same strict check (its field errors are 400, as OpenAI answers).
        Api.Resp video = api.postJson("/v1/videos", Map.of("prompt", "harbour at night", "size", "1280x720"));
        check("/v1/videos", Request.Method.POST, video, 200);
        String videoId = video.json().path("id").asText();
        check("/v1/videos", Request.Method.POST, api.postJson("/v1/videos", Map.of("size", "1280x720")), 400);
        check("/v1/videos/" + videoId, Request.Method.GET, api.get("/v1/videos/" + videoId), 200);
        check("/v1/videos/unknown-id", Request.Method.GET, api.get("/v1/videos/unknown-id"), 404);
        check("/v1/videos", Request.Method.GET, api.get("/v1/videos?limit=2"), 200);
        check("/v1/videos", Request.Method.GET, api.get("/v1/videos?limit=0"), 400);
        check("/v1/videos/" + videoId, Request.Method.DELETE, api.delete("/v1/videos/" + videoId), 200);
        if (!failures.isEmpty()) {
            fail("responses that disagree with /openapi:\n" + String.join("\n", failures));
        }
    }

    @Test
    void aDriftIsCaught() throws Exception {
        // The validator itself must refuse what the document does not say: an extra field and an undocumented status.
        ValidationReport extra = validator.validateResponse("/v1/account", Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType("application/json")
                        .withBody(((com.fasterxml.jackson.databind.node.ObjectNode) appliance.api().get("/v1/account").json()).put("surprise", 1).toString()).build());
        assertTrue(extra.hasErrors(), "an undocumented property fails");
        ValidationReport status = validator.validateResponse("/v1/account", Request.Method.GET,
                SimpleResponse.Builder.status(418).withContentType("application/json").withBody("{}").build());
        assertTrue(status.hasErrors(), "an undocumented status fails");
    }

    private void check(String path, Request.Method method, Api.Resp r, int expected) {
        if (r.status() != expected) {
            failures.add(method + " " + path + ": expected " + expected + " but got " + r.status() + " " + r.text());
            return;
        }
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status());
        String type = r.header("Content-Type");
        if (type != null) {
            b.withContentType(type);
        }
        if (r.bytes().length > 0) {
            b.withBody(type != null && type.startsWith("application/json") ? r.text()
                    : new String(r.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        ValidationReport report = validator.validateResponse(path, method, b.build());
        if (report.hasErrors()) {
            failures.add(method + " " + path + " " + r.status() + ": " + report.getMessages());
        }
    }
}
