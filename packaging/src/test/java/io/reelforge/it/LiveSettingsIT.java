package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.atlassian.oai.validator.model.Request;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code /v1/admin/settings/live} and the host's {@code /ops/settings}: settings listed with their value now and
 * as configured, changed and put back without a restart, every refusal a JSON error (never a 500), each answer as
 * the served OpenAPI document describes it. On the shared appliance; every change is put back.
 */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
class LiveSettingsIT {

    static final String LIVE = "/v1/admin/settings/live/";
    static final String TIMEOUT = "reelforge.render.timeout";
    /** The shared appliance's render pacing: host-only. */
    static final String PACE = "reelforge." + SharedAppliance.SANDBOX_PACE;
    static Appliance appliance;
    static Api admin;
    static OpenApiContract contract;

    @BeforeAll
    static void shared() throws Exception {
        appliance = SharedAppliance.get();
        admin = SharedAppliance.admin();
        contract = OpenApiContract.of(appliance);
    }

    @AfterEach
    void documented() {
        contract.assertAllMatched();
    }

    @AfterAll
    static void restore() throws Exception {
        admin.delete(LIVE + TIMEOUT);
    }

    static JsonNode listed(String name) throws Exception {
        Api.Resp list = admin.get("/v1/admin/settings/live");
        assertEquals(200, list.status(), list.text());
        contract.check("/v1/admin/settings/live", Request.Method.GET, list, 200);
        for (JsonNode s : list.json().path("data")) {
            if (name.equals(s.path("name").asText())) {
                return s;
            }
        }
        throw new AssertionError(name + " is not listed: " + list.text());
    }

    @Test
    void aSettingIsChangedAndPutBackWithoutARestart() throws Exception {
        JsonNode before = listed(TIMEOUT);
        assertEquals("PT10M", before.path("configured").asText(), before.toString());
        assertEquals("PT10M", before.path("value").asText());
        assertFalse(before.path("changed").asBoolean());
        assertFalse(before.path("host_only").asBoolean());
        JsonNode family = listed("reelforge.engine.djl.family");
        assertEquals("wan2.1-t2v-1.3b", family.path("configured").asText(), "the default family, configured: " + family);
        JsonNode plan = listed("reelforge.ratelimit.requests-per-minute.starter");
        assertTrue(plan.path("value").isNull(), "no rate of its own: the default applies " + plan);

        Api.Resp changed = admin.putJson(LIVE + TIMEOUT, Map.of("value", "pt15m"));
        assertEquals(200, changed.status(), changed.text());
        contract.check(LIVE + TIMEOUT, Request.Method.PUT, changed, 200);
        assertEquals("PT15M", changed.json().path("value").asText(), "stored as ISO-8601");
        assertEquals("console:it-provisioner", changed.json().path("updated_by").asText());
        JsonNode now = listed(TIMEOUT);
        assertEquals("PT15M", now.path("value").asText());
        assertEquals("PT10M", now.path("configured").asText());
        assertTrue(now.path("changed").asBoolean());

        Api.Resp back = admin.delete(LIVE + TIMEOUT);
        assertEquals(200, back.status(), back.text());
        contract.check(LIVE + TIMEOUT, Request.Method.DELETE, back, 200);
        assertEquals("PT10M", back.json().path("value").asText());
        assertFalse(listed(TIMEOUT).path("changed").asBoolean());
    }

    @Test
    void refusalsAreJsonErrors() throws Exception {
        Api.Resp bad = admin.putJson(LIVE + TIMEOUT, Map.of("value", "ten minutes"));
        ErrorsIT.assertError(bad, 422, "settings.invalid", "value");
        assertTrue(bad.json().path("error").path("message").asText().contains("ISO-8601"), bad.text());
        contract.check(LIVE + TIMEOUT, Request.Method.PUT, bad, 422);
        ErrorsIT.assertError(admin.putJson(LIVE + "reelforge.render.slots", Map.of("value", "0")), 422, "settings.invalid", "value");
        ErrorsIT.assertError(admin.putJson(LIVE + "reelforge.webhooks.allow-addresses", Map.of("value", "127.0.0.1,nowhere")),
                422, "settings.invalid", "value");
        ErrorsIT.assertError(admin.putJson(LIVE + TIMEOUT, Map.of("value", 600)), 422, "invalid_type", "value");
        ErrorsIT.assertError(admin.putJson(LIVE + TIMEOUT, Map.of()), 422, "value_required", "value");
        Api.Resp notJson = admin.putRaw(LIVE + TIMEOUT, "{\"value\": ");
        ErrorsIT.assertError(notJson, 400, "invalid_json", null);
        contract.check(LIVE + TIMEOUT, Request.Method.PUT, notJson, 400);
        Api.Resp unknown = admin.putJson(LIVE + "reelforge.data-dir", Map.of("value", "/tmp"));
        ErrorsIT.assertError(unknown, 404, "setting.not_found", null);
        contract.check(LIVE + "reelforge.data-dir", Request.Method.PUT, unknown, 404);
        ErrorsIT.assertError(admin.putJson(LIVE + "reelforge.ratelimit.requests-per-minute.platinum", Map.of("value", "8")),
                404, "setting.not_found", null);
        ErrorsIT.assertError(admin.putJson(LIVE + PACE, Map.of("value", "PT1S")), 422, "settings.host_only", "name");
        ErrorsIT.assertError(admin.delete(LIVE + PACE), 422, "settings.host_only", "name");
        assertFalse(listed(TIMEOUT).path("changed").asBoolean(), "nothing refused was stored");

        Api.Resp anonymous = appliance.api().withKey(null).putJson(LIVE + TIMEOUT, Map.of("value", "PT1M"));
        assertEquals(401, anonymous.status(), anonymous.text());
        Api.Resp apiKey = appliance.api().putJson(LIVE + TIMEOUT, Map.of("value", "PT1M"));
        assertEquals(401, apiKey.status(), "an API key is no console user: " + apiKey.text());
        Api.Resp notHost = appliance.api().putJson("/ops/settings/" + PACE, Map.of("value", "PT1S"));
        assertTrue(notHost.status() == 401 || notHost.status() == 403, "the host's route wants its token: " + notHost.text());
    }

    @Test
    void theHostChangesTheSandboxPacing() throws Exception {
        Api ops = appliance.ops();
        Api.Resp listed = ops.get("/ops/settings");
        assertEquals(200, listed.status(), listed.text());
        assertTrue(listed.text().contains("\"" + PACE + "\""), listed.text());
        Api.Resp set = ops.putJson("/ops/settings/" + PACE, Map.of("value", "PT1S"));
        assertEquals(200, set.status(), set.text());
        assertEquals("PT1S", set.json().path("value").asText());
        assertEquals("PT3S", set.json().path("configured").asText());
        assertTrue(set.json().path("host_only").asBoolean());
        ErrorsIT.assertError(ops.putJson("/ops/settings/" + PACE, Map.of("value", "-PT1S")), 422, "settings.invalid", "value");
        Api.Resp back = ops.delete("/ops/settings/" + PACE);
        assertEquals(200, back.status(), back.text());
        assertEquals("PT3S", back.json().path("value").asText());
        assertFalse(back.json().path("changed").asBoolean());
    }
}
