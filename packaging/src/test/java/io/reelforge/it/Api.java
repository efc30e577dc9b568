package io.reelforge.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the v1 API, over real HTTP. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1 as curl and most SDKs speak it: the JDK client's default h2c upgrade meets RST_STREAM
    // protocol errors from Payara Micro's HTTP/2 on some POSTs with bodies.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    Api(String base, String key) {
        this(base, key, true);
    }

    private Api(String base, String credential, boolean bearer) {
        this.base = base;
        this.authorization = credential == null ? null : bearer ? "Bearer " + credential : credential;
    }

    public Api withKey(String otherKey) {
        return new Api(base, otherKey);
    }

    /** The admin API's way in: a console user's HTTP Basic credentials. */
    public Api asConsoleUser(String user, String password) {
        return new Api(base, "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)), false);
    }

    /** A response: status, headers, raw body, and the body as JSON when it is JSON. */
    public record Resp(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    public Resp get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET with extra headers (Prefer, Range, ...). */
    public Resp getWith(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Resp delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    /** A POST with extra headers (e.g. Idempotency-Key). */
    public Resp post(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b);
    }

    public Resp getUrl(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    public Resp post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body, Map.of());
    }

    /**
     * A large body sent as curl sends one (Expect: 100-continue), so the server can refuse it before it is
     * transferred.
     */
    public Resp postExpectingContinue(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).expectContinue(true).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Resp postJson(String path, Object body) throws IOException, InterruptedException {
        return post(path, "application/json", JSON.writeValueAsString(body));
    }

    public Resp patchJson(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json"));
    }

    public Resp putJson(String path, Object body) throws IOException, InterruptedException {
        return putRaw(path, JSON.writeValueAsString(body));
    }

    /** A PUT of this text as JSON, well-formed or not. */
    public Resp putRaw(String path, String json) throws IOException, InterruptedException {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json"));
    }

    public Resp generate(Map<String, Object> body) throws IOException, InterruptedException {
        return postJson("/v1/video/generate", body);
    }

    /** multipart/form-data with text fields and, optionally, a file part named image. */
    public Resp generateMultipart(Map<String, String> fields, byte[] image, String filename, String type)
            throws IOException, InterruptedException {
        return postMultipart("/v1/video/generate", fields, "image", image, filename, type);
    }

    /** multipart/form-data with text fields and, optionally, one file part. */
    public Resp postMultipart(String path, Map<String, String> fields, String fileField, byte[] file, String filename,
                              String type) throws IOException, InterruptedException {
        String boundary = "----rf" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).expectContinue(out.size() > 1 << 20)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /**
     * Waits for a generation to reach a terminal state, with the long-poll a client without SSE uses ({@code Prefer:
     * wait=N}, docs/api.md): each GET is answered as soon as the status changes, so a render costs a few requests
     * rather than one every 250 ms.
     */
    public JsonNode await(String id, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode g = longPoll(id, deadline, last);
            last = g.path("status").asText();
            if (finished(last)) {
                return g;
            }
            // changed but not finished, or the wait ran out: ask again
        }
        throw new AssertionError("generation " + id + " did not finish within " + limit);
    }

    private static boolean finished(String status) {
        return switch (status) {
            case "completed", "failed", "canceled", "expired" -> true;
            default -> false;
        };
    }

    /**
     * Waits until the generation has this status: with the long-poll for a final status (once there, it stays), by
     * polling every 200 ms for one it passes through (a long-poll answers the next change after the status the
     * generation has when it arrives, so it would step over a status reached just before).
     */
    public JsonNode awaitStatus(String id, String status, Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        boolean longPoll = finished(status);
        JsonNode g = null;
        String previous = null;
        while (Instant.now().isBefore(deadline)) {
            g = longPoll ? longPoll(id, deadline, previous) : get("/v1/video/" + id).json();
            previous = g.path("status").asText();
            if (status.equals(previous)) {
                return g;
            }
            if (!longPoll) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("generation " + id + " never became " + status + "; last: " + g);
    }

    /**
     * One long-poll of a generation: at most 20 s, and not past the deadline. An answer whose status is the one of
     * the answer before (the wait ran out, or an error without a status) is followed by a pause, so that an
     * appliance that answered at once never makes this a busy loop.
     */
    private JsonNode longPoll(String id, Instant deadline, String previous) throws IOException, InterruptedException {
        long seconds = Math.max(1, Math.min(20, Duration.between(Instant.now(), deadline).toSeconds()));
        JsonNode g = getWith("/v1/video/" + id, Map.of("Prefer", "wait=" + seconds)).json();
        if (g.path("status").asText().equals(previous)) {
            Thread.sleep(200);
        }
        return g;
    }

    public Path download(String url, Path to) throws IOException, InterruptedException {
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofFile(to));
        if (r.statusCode() != 200) {
            throw new AssertionError("download answered " + r.statusCode() + ": " + Files.readString(to));
        }
        return to;
    }

    public long balance() throws IOException, InterruptedException {
        return get("/v1/account").json().path("balance").asLong();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Resp send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Resp(r.statusCode(), r.headers(), r.body());
    }
}
