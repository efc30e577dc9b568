package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Health, Prometheus metrics, request ids, structured logs without secrets, and the docs page, over real
 * HTTP against the shared appliance; no report to Hazelcast's phone home, and no class its start could not load.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class OperabilityIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void healthIsLiveAndReadyWithEveryCheck() throws Exception {
        Api anonymous = SharedAppliance.get().api().withKey(null);
        Api.Resp live = anonymous.get("/health/live");
        assertEquals(200, live.status(), live.text());
        assertEquals("UP", live.json().path("status").asText());

        Api.Resp ready = anonymous.get("/health/ready");
        assertEquals(200, ready.status(), ready.text());
        Map<String, JsonNode> checks = checks(ready.json());
        for (String name : new String[] {"database", "storage", "engine", "scheduler", "accepting_jobs"}) {
            assertEquals("UP", checks.get(name).path("status").asText(), name + " in " + ready.text());
        }
        assertEquals("sandbox", checks.get("engine").path("data").path("engine").asText());
        assertTrue(checks.get("storage").path("data").path("free_mb").asLong() > 0);
        assertEquals("true", checks.get("storage").path("data").path("writable").asText());
    }

    /**
     * Hazelcast, under Payara, reports an install to phonehome.hazelcast.com unless its JVM says otherwise, whatever
     * Payara's {@code --disablephonehome} says: the appliance's launcher says so (ApplianceMain), read back from the
     * running JVM as an operator would with {@code jcmd}.
     */
    @Test
    void hazelcastIsToldNotToPhoneHome() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(SharedAppliance.get().pid()), "VM.system_properties").redirectErrorStream(true).start();
        String properties = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), properties);
        assertTrue(properties.lines().anyMatch("hazelcast.phone.home.enabled=false"::equals), properties);
    }

    /**
     * CDI loads every console class it scans: none is left out for a type the bundle does not ship (a subclass of
     * Vaadin's Grid made Weld read Grid's Spring Data methods, WELD-000119 at every start).
     */
    @Test
    void everyClassTheStartScansLoads() throws Exception {
        String log = SharedAppliance.get().log();
        assertTrue(log.contains("Reelforge is ready at"), "the start's log");
        assertFalse(log.contains("WELD-000119"), log.lines().filter(l -> l.contains("WELD-000119"))
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    /**
     * The console draws with its theme: the page links Lumo's stylesheet (Vaadin 25 loads no theme by itself), and
     * that link answers the stylesheet, not the API's JSON 404 (the API owns "/"). Nothing else is served beside it.
     */
    @Test
    void theConsolesThemeStylesheetIsServed() throws Exception {
        Api anonymous = SharedAppliance.get().api().withKey(null);
        Api.Resp page = anonymous.get("/admin/");
        assertEquals(200, page.status(), page.text());
        // the tag's attributes come in no fixed order
        java.util.regex.Matcher link = Pattern.compile("<link(?=[^>]*\\brel=\"stylesheet\")[^>]*\\bhref=\"\\./\\.\\./(lumo/lumo\\.css[^\"]*)\"")
                .matcher(page.text());
        assertTrue(link.find(), "the console page links Lumo's stylesheet: " + page.text());
        Api.Resp css = anonymous.get("/" + link.group(1));
        assertEquals(200, css.status(), css.text());
        assertTrue(css.header("Content-Type").startsWith("text/css"), css.header("Content-Type"));
        assertTrue(css.text().contains("--lumo-space-m"), "Lumo's style properties");
        for (String other : new String[] {"/lumo/lumo.js", "/lumo/", "/lumo/../WEB-INF/web.xml"}) {
            Api.Resp refused = anonymous.get(other);
            assertTrue(refused.status() == 404 || refused.status() == 400, other + ": " + refused.status());
            assertTrue(refused.header("Content-Type").startsWith("application/json"), other + ": " + refused.text());
        }
    }

    @Test
    void metricsCountRequestsRendersCreditsAndJobs() throws Exception {
        Appliance a = SharedAppliance.get();
        Api api = a.api();
        Metrics before = metrics(api);
        String done = api.generate(Map.of("prompt", "forest at noon", "resolution", "720p")).json().path("generation_id").asText();
        assertEquals("completed", api.await(done, Duration.ofMinutes(2)).path("status").asText());
        String canceled = api.generate(Map.of("prompt", "city at night", "resolution", "720p")).json().path("generation_id").asText();
        assertEquals(200, api.post("/v1/video/" + canceled + "/cancel", "application/json", "").status());
        assertEquals(404, api.get("/v1/video/00000000-0000-0000-0000-000000000000").status());
        Metrics after = metrics(api);

        Map<String, String> generate = Map.of("method", "POST", "route", "/v1/video/generate", "status", "202");
        assertEquals(2, after.sum("reelforge_http_request_seconds_count", generate)
                - before.sum("reelforge_http_request_seconds_count", generate), 0.0);
        assertTrue(after.has("reelforge_http_request_seconds_bucket", Map.of("route", "/v1/video/generate", "le", "0.1")),
                "latency histogram buckets");
        Map<String, String> notFound = Map.of("method", "GET", "route", "/v1/video/{id}", "status", "404");
        assertTrue(after.sum("reelforge_http_request_seconds_count", notFound) >= 1, "404s counted by route template");

        Map<String, String> rendered = Map.of("engine", "sandbox", "resolution", "720p", "outcome", "completed");
        assertTrue(after.sum("reelforge_render_seconds_count", rendered) - before.sum("reelforge_render_seconds_count", rendered) >= 1);
        assertTrue(after.sum("reelforge_render_seconds_sum", rendered) > 0);
        assertTrue(after.has("reelforge_render_seconds_bucket", Map.of("engine", "sandbox", "le", "5.0")));

        assertEquals(180, after.sum("reelforge_credits_debited_total", Map.of())
                - before.sum("reelforge_credits_debited_total", Map.of()), 0.0);
        Map<String, String> refund = Map.of("reason", "canceled");
        assertEquals(90, after.sum("reelforge_credits_refunded_total", refund) - before.sum("reelforge_credits_refunded_total", refund), 0.0);

        for (String status : new String[] {"queued", "processing", "completed", "failed", "canceled", "expired"}) {
            assertTrue(after.has("reelforge_jobs", Map.of("status", status)), "jobs gauge for " + status);
        }
        assertTrue(after.sum("reelforge_jobs", Map.of("status", "completed")) >= 1);
        assertTrue(after.sum("reelforge_jobs", Map.of("status", "canceled")) >= 1);
        assertTrue(after.text().lines().noneMatch(l -> l.startsWith("reelforge_") && l.contains("quantile=")),
                "no quantile series (Payara writes them in nanoseconds under a seconds name)");
    }

    @Test
    void requestIdsAreEchoedOrMadeAndLogsCarryThemWithoutSecrets() throws Exception {
        Appliance a = SharedAppliance.get();
        Api api = a.api();
        Api.Resp mine = api.getUrl(a.baseUrl() + "/v1/account", Map.of("Authorization", "Bearer " + a.liveKey(),
                "X-Request-Id", "ci-run-42.step_7"));
        assertEquals("ci-run-42.step_7", mine.header("X-Request-Id"));
        Api.Resp made = api.get("/v1/account");
        assertTrue(UUID.matcher(made.header("X-Request-Id")).matches(), made.header("X-Request-Id"));
        Api.Resp refused = api.getUrl(a.baseUrl() + "/v1/account", Map.of("Authorization", "Bearer " + a.liveKey(),
                "X-Request-Id", "not a sane id"));
        assertTrue(UUID.matcher(refused.header("X-Request-Id")).matches(), "an unsafe id is replaced");
        Api.Resp error = api.withKey(null).get("/v1/account");
        assertEquals(401, error.status());
        assertTrue(UUID.matcher(error.header("X-Request-Id")).matches(), "errors carry one too");

        Api.Resp submitted = api.postJson("/v1/video/generate", Map.of("prompt", "desert dunes, pan", "resolution", "720p"));
        String requestId = submitted.header("X-Request-Id");
        String id = submitted.json().path("generation_id").asText();
        JsonNode g = api.await(id, Duration.ofMinutes(2));
        String url = g.path("output_url").asText();
        String signature = new HashMap<>(query(url)).get("signature");
        assertEquals(200, api.getUrl(url, Map.of()).status());
        // A wrong key in a header must not reach the log either.
        String wrongKey = "rf_live_" + "Z".repeat(55);
        assertEquals(401, api.withKey(wrongKey).get("/v1/account").status());

        String log = a.log();
        assertTrue(log.lines().anyMatch(l -> l.contains("request_id=" + requestId) && l.contains("generation_id=" + id)
                && l.contains("route=/v1/video/generate")), "the submission's access line names both ids");
        assertTrue(log.lines().anyMatch(l -> l.contains("generation_id=" + id) && l.contains("thread=")
                && !l.contains("request_id=")), "the render's lines name the generation");
        assertTrue(log.contains("request_id=ci-run-42.step_7"));
        String keyBody = a.liveKey().substring("rf_live_".length());
        // The first start's banner prints the demo keys once, on purpose; no log record may.
        String records = log.lines().filter(l -> l.startsWith("ts=")).collect(java.util.stream.Collectors.joining("\n"));
        assertFalse(records.isEmpty(), "kv records");
        assertFalse(records.contains(keyBody), "live key in a log record");
        assertFalse(records.contains(a.testKey().substring("rf_test_".length())), "test key in a log record");
        assertFalse(records.contains(wrongKey.substring(8)), "a presented key in a log record");
        assertFalse(records.contains(signature), "a URL signature in a log record");
        assertFalse(records.matches("(?s).*[?&](signature|sig)=[^*].*"), "a signed URL in a log record");
    }

    @Test
    void docsPageRendersTheDocumentWithoutTheInternet() throws Exception {
        Appliance a = SharedAppliance.get();
        Api anonymous = a.api().withKey(null);
        Api.Resp page = anonymous.get("/docs/index.html");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.text().contains("swagger-ui-bundle.js") && page.text().contains("../openapi"));
        assertFalse(page.text().contains("http://") || page.text().contains("https://"), "nothing from outside");
        Api.Resp bundle = anonymous.get("/docs/swagger-ui-bundle.js");
        assertEquals(200, bundle.status());
        assertTrue(bundle.bytes().length > 100_000);
        assertEquals(200, anonymous.get("/docs/swagger-ui.css").status());
        assertEquals(404, anonymous.get("/docs/secret.txt").status());
        Api.Resp doc = anonymous.get("/openapi");
        assertEquals(200, doc.status());
        assertTrue(doc.text().contains("/v1/video/generate"));
    }

    static Metrics metrics(Api api) throws Exception {
        Api.Resp r = api.withKey(null).get("/metrics");
        assertEquals(200, r.status());
        return new Metrics(r.text());
    }

    static Map<String, JsonNode> checks(JsonNode health) {
        Map<String, JsonNode> m = new HashMap<>();
        health.path("checks").forEach(c -> m.put(c.path("name").asText(), c));
        return m;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> m = new HashMap<>();
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p.length > 1 ? p[1] : "");
        }
        assertNotEquals(null, m.get("signature"));
        return m;
    }
}
