package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets the one error shape and the right status, never a 500. */
class ErrorsIT {

    static Api api;

    @BeforeAll
    static void boot() throws Exception {
        api = SharedAppliance.get().api();
    }

    static void assertError(Api.Resp r, int status, String code, String param) {
        assertEquals(status, r.status(), r.text());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonNode e = r.json().path("error");
        for (String field : new String[] {"type", "code", "message", "param"}) {
            assertTrue(e.has(field), "error lacks " + field + ": " + r.text());
        }
        assertEquals(code, e.path("code").asText(), r.text());
        assertTrue(e.path("message").asText().length() > 10, r.text());
        if (param != null) {
            assertEquals(param, e.path("param").asText(), r.text());
        }
        assertTrue(!r.text().contains("Exception") && !r.text().contains("at io."), "no stack trace: " + r.text());
    }

    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void authentication() throws Exception {
        Api.Resp none = api.withKey(null).get("/v1/account");
        assertError(none, 401, "missing_api_key", null);
        assertNotNull(none.header("WWW-Authenticate"));
        assertError(api.withKey("rf_live_nope").get("/v1/account"), 401, "invalid_api_key", null);
        String forged = "rf_live_" + "A".repeat(12) + "B".repeat(43);
        assertError(api.withKey(forged).generate(body("prompt", "x")), 401, "invalid_api_key", null);
        Api.Resp basic = api.withKey(null).getUrl(SharedAppliance.get().baseUrl() + "/v1/account",
                Map.of("Authorization", "Basic dXNlcjpwYXNz"));
        assertError(basic, 401, "invalid_authorization", null);
    }

    @Test
    void malformedBodiesAreClientErrors() throws Exception {
        assertError(api.post("/v1/video/generate", "application/json", "{\"prompt\": "), 400, "invalid_json", null);
        assertError(api.post("/v1/video/generate", "application/json", "[1,2]"), 400, "invalid_json", null);
        assertError(api.post("/v1/video/generate", "application/json", ""), 400, "empty_body", null);
        assertError(api.post("/v1/video/generate", "text/plain", "make a video"), 415, "unsupported_media_type", null);
        assertError(api.post("/v1/video/generate", null, "{\"prompt\":\"x\"}"), 415, "unsupported_media_type", null);
        assertError(api.post("/v1/video/generate", "multipart/form-data; boundary=zzz", "this is not multipart"),
                400, "malformed_body", null);
    }

    @Test
    void fieldValidationNamesTheField() throws Exception {
        assertError(api.generate(body("resolution", "720p")), 422, "prompt_required", "prompt");
        assertError(api.generate(body("prompt", "   ")), 422, "prompt_required", "prompt");
        assertError(api.generate(body("prompt", 42)), 422, "invalid_type", "prompt");
        assertError(api.generate(body("prompt", "x".repeat(2001))), 422, "prompt_too_long", "prompt");
        Api.Resp res = api.generate(body("prompt", "a sea", "resolution", "4k"));
        assertError(res, 422, "unsupported_resolution", "resolution");
        assertTrue(res.json().path("error").path("message").asText().contains("720p, 1080p"));
        Api.Resp dur = api.generate(body("prompt", "a sea", "duration", 10));
        assertError(dur, 422, "unsupported_duration", "duration");
        assertTrue(dur.json().path("error").path("message").asText().contains("5"));
        assertError(api.generate(body("prompt", "a sea", "duration", "five")), 422, "invalid_type", "duration");
        assertError(api.generate(body("prompt", "a sea", "duration", 5.5)), 422, "invalid_type", "duration");
        assertError(api.generate(body("prompt", "a sea", "camera_fixed", "maybe")), 422, "invalid_type", "camera_fixed");
        assertError(api.generate(body("prompt", "a sea", "seed", -1)), 422, "invalid_seed", "seed");
        assertError(api.generate(body("prompt", "a sea", "negative_prompt", "n".repeat(2001))), 422,
                "negative_prompt_too_long", "negative_prompt");
    }

    @Test
    void oversizedBodiesAre413() throws Exception {
        String huge = "{\"prompt\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        assertError(api.postExpectingContinue("/v1/video/generate", "application/json", huge.getBytes()), 413,
                "request_too_large", null);
        byte[] big = new byte[11 * 1024 * 1024];
        assertError(api.generateMultipart(Map.of("prompt", "zoom"), big, "big.png", "image/png"), 413, "request_too_large", null);
    }

    @Test
    void badImages() throws Exception {
        Map<String, String> f = Map.of("prompt", "zoom in");
        assertError(api.generateMultipart(f, "just text, not an image".getBytes(), "x.png", "image/png"),
                415, "image_unsupported_format", "image");
        assertError(api.generateMultipart(f, pngHeaderOnly(60_000, 60_000), "bomb.png", "image/png"),
                422, "image_too_many_pixels", "image");
        byte[] truncated = java.util.Arrays.copyOf(ReferenceFlowIT.png(64, 64), 60);
        assertError(api.generateMultipart(f, truncated, "cut.png", "image/png"), 422, "image_corrupt", "image");
        assertError(api.generateMultipart(Map.of("resolution", "720p"), ReferenceFlowIT.png(64, 64), "a.png", "image/png"),
                422, "prompt_required", "prompt");
    }

    @Test
    void unknownThings() throws Exception {
        assertError(api.get("/v1/video/" + java.util.UUID.randomUUID()), 404, "generation.not_found", null);
        assertError(api.get("/v1/video/not-a-uuid"), 404, "generation.not_found", null);
        assertError(api.get("/v1/nothing-here"), 404, "route_not_found", null);
        assertError(api.post("/v1/video/" + java.util.UUID.randomUUID() + "/cancel", "application/json", "{}"),
                404, "generation.not_found", null);
        assertError(api.postJson("/v1/account", Map.of()), 405, "method_not_allowed", null);
        assertError(api.get("/v1/video?status=done"), 422, "invalid_status", "status");
        assertError(api.get("/v1/video?limit=0"), 422, "invalid_limit", "limit");
        assertError(api.get("/v1/video?cursor=not-a-cursor"), 422, "invalid_cursor", "cursor");
    }

    /** A valid PNG signature and IHDR declaring a huge image, followed by a tiny compressed stream. */
    static byte[] pngHeaderOnly(int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(new byte[1 << 16]);
        d.finish();
        byte[] buf = new byte[1 << 12];
        int n = d.deflate(buf);
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
