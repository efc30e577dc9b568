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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Bad input of every kind gets the one error shape and the right status, never a 500. */
@Execution(ExecutionMode.SAME_THREAD) // the shared appliance's lane: see SharedAppliance
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

    /** The probe's path escapes: each answered 400 before routing, never the console, metrics or health. */
    @Test
    void encodedSlashesAndDotSegmentsAreRefusedBeforeRouting() throws Exception {
        for (String path : new String[] {"/v1/files/..%2f..%2fadmin/", "/v1/files/..%2F..%2Fadmin/",
                "/v1/files/%2e%2e/%2e%2e/admin/", "/v1/%2e%2e/admin/", "/v1/../admin/", "/v1/./account",
                "/v1/files/..%2f..%2fv1%2faccount", "/v1/video/%2E%2E%2Fx", "/ops/..%2fv1/account",
                "/v1/files/..%2f..%2fmetrics", "/v1/files/..%2f..%2fhealth%2fready", "/health/..%2fmetrics",
                "/metrics/%2e%2e/admin/", "/openapi/..%2fadmin/", "/docs/%2e%2e/admin/"}) {
            Raw r = raw("GET " + path + " HTTP/1.1", Map.of("Authorization", "Bearer " + SharedAppliance.get().liveKey()), null);
            assertEquals(400, r.status(), path + " -> " + r.statusLine() + " " + r.body());
            assertTrue(r.body().contains("\"code\":\"invalid_path\""), path + " -> " + r.body());
        }
        // a backslash, encoded or not, and a dot segment above the root: Catalina refuses them before any filter of the
        // WAR runs (it answered an empty "400 Invalid URI"); the listener's guard answers the same JSON error first
        for (String path : new String[] {"/v1/files/..%5c..%5cadmin/", "/v1/files/..%5C..%5Cadmin/",
                "/v1/files/..\\..\\admin/", "/v1/files\\x", "/../admin/"}) {
            assertRawError(raw("GET " + path + " HTTP/1.1", Map.of(), null), 400, "invalid_path", path);
        }
    }

    /** A path Catalina cannot decode used to get 200 with an empty body (and a stack trace in the log). */
    @Test
    void malformedPercentEscapesAreA400NotAnEmpty200() throws Exception {
        String key = "Bearer " + SharedAppliance.get().liveKey();
        for (String path : new String[] {"/v1/generations/%zz", "/v1/%", "/v1/account%", "/v1/video/%4", "/%zz",
                "/admin/%zz", "/health/%zz", "/v1/%c3%28", "/v1/caf\u00e9", "/v1/acc\u0001ount"}) {
            Raw r = raw("GET " + path + " HTTP/1.1", Map.of("Authorization", key), null);
            assertRawError(r, 400, "invalid_path", path);
        }
        // refused before its body is read, and the connection closes: a request hidden in the body is never served
        String host = java.net.URI.create(SharedAppliance.get().baseUrl()).getAuthority();
        String hidden = "GET /health/live HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
        Raw post = rawBytes(("POST /v1/%zz HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + hidden.length() + "\r\n\r\n" + hidden).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertRawError(post, 400, "invalid_path", "POST /v1/%zz");
        assertTrue(!post.body().contains("HTTP/1.1"), "one answer only: " + post.body());
        assertTrue(!SharedAppliance.get().log().contains("Illegal hex characters"), "Catalina's decoder never ran");
    }

    /** Refusals of Grizzly's HTTP codec: before any code of the WAR, formerly with an empty body. */
    @Test
    void malformedRequestLinesAndHeadersAreJsonErrors() throws Exception {
        String host = java.net.URI.create(SharedAppliance.get().baseUrl()).getAuthority();
        String[][] requests = {
                {"400", "malformed_request", "GET /v1/account HTTP/1.1\r\nConnection: close\r\n\r\n"},
                {"400", "malformed_request", "GET /v1/account HTTP/1.1\r\nHost: " + host + "\r\nNot a header\r\n\r\n"},
                {"400", "malformed_request", "POST /v1/video/generate HTTP/1.1\r\nHost: " + host
                        + "\r\nContent-Length: abc\r\n\r\n"},
                {"400", "malformed_request", "POST /v1/video/generate HTTP/1.1\r\nHost: " + host
                        + "\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello"},
                {"400", "malformed_request", "POST /v1/video/generate HTTP/1.1\r\nHost: " + host
                        + "\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"},
                {"400", "malformed_request", "GET /v1/account HTTP/1.1\r\nHost: " + host + "\r\nX-Big: "
                        + "a".repeat(20_000) + "\r\n\r\n"},
                {"400", "invalid_path", "GET  HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"},
                {"400", "invalid_path", "OPTIONS * HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"},
                {"505", "http_version_not_supported", "GET /v1/account HTTP/9.9\r\nHost: " + host + "\r\n\r\n"},
                {"505", "http_version_not_supported", "GET /v1/account FOO/1.1\r\nHost: " + host + "\r\n\r\n"},
                {"505", "http_version_not_supported", "GET /v1/account HTTP/1.1 junk\r\nHost: " + host + "\r\n\r\n"}};
        for (String[] request : requests) {
            Raw r = rawBytes(request[2].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertRawError(r, Integer.parseInt(request[0]), request[1], request[2].substring(0, Math.min(60, request[2].length())));
        }
        // the listener still serves the next connection normally
        assertEquals(200, raw("GET /health/live HTTP/1.1", Map.of(), null).status());
    }

    static void assertRawError(Raw r, int status, String code, String what) {
        assertEquals(status, r.status(), what + " -> " + r.statusLine() + " " + r.body());
        assertTrue(r.statusLine().endsWith(status == 505 ? " HTTP Version Not Supported" : " Bad Request"), r.statusLine());
        assertTrue(r.contentType().startsWith("application/json"), what + " -> " + r.contentType() + " " + r.body());
        JsonNode e;
        try {
            e = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("error");
        } catch (java.io.IOException x) {
            throw new AssertionError(what + " -> not JSON: " + r.body(), x);
        }
        assertEquals(code, e.path("code").asText(), what + " -> " + r.body());
        assertTrue(e.path("message").asText().length() > 10 && e.has("type") && e.has("param"), r.body());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("<html"), r.body());
    }

    @Test
    void deepJsonIsA400OnEveryJsonEndpoint() throws Exception {
        String deep = "{\"prompt\": \"a sea\", \"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}";
        String deepObject = "{\"url\": " + "{\"a\":".repeat(1000) + "1" + "}".repeat(1000) + "}";
        for (String path : new String[] {"/v1/video/generate", "/v1/webhooks", "/v1/videos"}) {
            assertError(api.post(path, "application/json", deep), 400, "json_too_deep", null);
            assertError(api.post(path, "application/json", deepObject), 400, "json_too_deep", null);
            assertError(api.post(path, "application/json", deep, Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())),
                    400, "json_too_deep", null);
        }
        // the admin API: the printed password, or the one OpenApiIT sets on the same shared appliance
        Appliance a = SharedAppliance.get();
        Api.Resp admin = a.api().asConsoleUser("admin", a.firstAdminPassword()).post("/v1/admin/password", "application/json", deep);
        if (admin.status() == 401) {
            admin = a.api().asConsoleUser("admin", OpenApiIT.ADMIN_PASSWORD).post("/v1/admin/password", "application/json", deep);
        }
        assertError(admin, 400, "json_too_deep", null);
    }

    @Test
    void jsonBodiesAreStrict() throws Exception {
        assertError(api.generate(body("prompt", "a sea", "camera_fixed", "yes")), 422, "invalid_type", "camera_fixed");
        assertError(api.generate(body("prompt", "a sea", "duration", "5")), 422, "invalid_type", "duration");
        assertError(api.generate(body("prompt", "a sea", "seed", "42")), 422, "invalid_type", "seed");
        assertError(api.post("/v1/video/generate", "application/json", "{\"prompt\": \"a sea\"} {\"prompt\": \"b\"}"),
                400, "invalid_json", null);
        assertError(api.post("/v1/video/generate", "application/json", "{\"prompt\": \"a sea\"} trailing"),
                400, "invalid_json", null);
        assertError(api.post("/v1/video/generate", "application/json", "{\"prompt\": \"a sea\", \"prompt\": \"gore\"}"),
                400, "duplicate_key", "prompt");
        assertError(api.post("/v1/webhooks", "application/json",
                "{\"url\": \"https://example.com/h\", \"events\": [\"video.completed\"], \"url\": \"http://10.0.0.1/\"}"),
                400, "duplicate_key", "url");
    }

    @Test
    void promptLimitCountsCharactersNotUtf16Units() throws Exception {
        String emoji = new String(Character.toChars(0x1F3AC));
        Api.Resp ok = api.generate(body("prompt", emoji.repeat(2000)));
        assertEquals(202, ok.status(), ok.text());
        api.post("/v1/video/" + ok.json().path("generation_id").asText() + "/cancel", "application/json", "{}");
        assertError(api.generate(body("prompt", emoji.repeat(2001))), 422, "prompt_too_long", "prompt");
    }

    @Test
    void safetyFilterSeesThroughInvisibleAndLookAlikeCharacters() throws Exception {
        for (String prompt : new String[] {"a g\u200bore battlefield", "a g\u043er\u0435 battlefield", "a GO\u0301RE battlefield"}) {
            Api.Resp r = api.generate(body("prompt", prompt));
            assertEquals(202, r.status(), r.text());
            JsonNode done = api.await(r.json().path("generation_id").asText(), java.time.Duration.ofSeconds(60));
            assertEquals("failed", done.path("status").asText(), prompt + ": " + done);
            assertEquals("safety.prompt", done.path("error_code").asText(), prompt + ": " + done);
        }
    }

    @Test
    void theContainersOwnRefusalsAreJsonErrors() throws Exception {
        Raw semis = raw("POST /v1/video/generate HTTP/1.1", Map.of("Authorization", "Bearer " + SharedAppliance.get().liveKey(),
                "Content-Type", ";;;/"), "{\"prompt\": \"a sea\"}");
        assertEquals(400, semis.status(), semis.statusLine() + " " + semis.body());
        assertTrue(semis.contentType().startsWith("application/json"), semis.contentType() + " " + semis.body());
        assertTrue(semis.body().contains("\"error\""), semis.body());
        assertError(api.get("/v1/video?limit=abc"), 422, "invalid_limit", "limit");
        assertError(api.get("/v1/account/ledger?limit=abc"), 422, "invalid_limit", "limit");
        assertError(api.get("/v1/webhooks/deliveries?limit=1.5"), 422, "invalid_limit", "limit");
        Api.Resp openAi = api.get("/v1/videos?limit=abc");
        assertError(openAi, 400, "invalid_limit", "limit");
    }

    @Test
    void statusLinesHaveStandardReasonPhrases() throws Exception {
        Raw unprocessable = raw("POST /v1/video/generate HTTP/1.1", Map.of("Authorization", "Bearer "
                + SharedAppliance.get().liveKey(), "Content-Type", "application/json"), "{\"prompt\": \"\"}");
        assertEquals("HTTP/1.1 422 Unprocessable Content", unprocessable.statusLine());
        Raw notFound = raw("GET /v1/nothing-here HTTP/1.1", Map.of("Authorization", "Bearer " + SharedAppliance.get().liveKey()), null);
        assertEquals("HTTP/1.1 404 Not Found", notFound.statusLine());
    }

    record Raw(String statusLine, int status, String contentType, String body) {
    }

    /** One request written byte for byte (no client normalises its path), read to the end. */
    static Raw raw(String requestLine, Map<String, String> headers, String body) throws Exception {
        java.net.URI base = java.net.URI.create(SharedAppliance.get().baseUrl());
        StringBuilder req = new StringBuilder(requestLine).append("\r\nHost: ").append(base.getAuthority())
                .append("\r\nConnection: close\r\n");
        headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (body != null) {
            req.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        req.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(req.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        all.writeBytes(bytes);
        return rawBytes(all.toByteArray());
    }

    /**
     * These exact bytes on a new connection, the answer read until the server closes it. A server that stops reading
     * (it refused the request and closes) may reset the rest of a large body: the answer already read still counts.
     */
    static Raw rawBytes(byte[] request) throws Exception {
        return rawBytes(SharedAppliance.get().baseUrl(), request);
    }

    /** {@link #rawBytes(byte[])} to the appliance at this base URL. */
    static Raw rawBytes(String baseUrl, byte[] request) throws Exception {
        java.net.URI base = java.net.URI.create(baseUrl);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (java.net.SocketException closedEarly) {
                // read what was answered before the close
            }
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(read);
            } catch (java.net.SocketException reset) {
                if (read.size() == 0) {
                    throw reset;
                }
            }
            String all = read.toString(java.nio.charset.StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String head = end < 0 ? all : all.substring(0, end);
            String statusLine = head.split("\r\n", 2)[0];
            String type = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            return new Raw(statusLine, Integer.parseInt(statusLine.split(" ")[1]), type, end < 0 ? "" : all.substring(end + 4));
        }
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
