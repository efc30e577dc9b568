package io.reelforge.remote;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAI-style video API of one upstream over {@link HttpClient}: submit (JSON, or multipart with the start
 * image as {@code input_reference}), retrieve, download {@code /content}, delete. Redirects are never followed, so an
 * upstream cannot send the appliance to an address the policy refuses. I/O failures are thrown; HTTP answers
 * of any status are returned.
 */
final class UpstreamClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(10);

    /** One answer: the status, the body as JSON when it is JSON, and the wait a 429/503 asked for. */
    record Answer(int status, JsonNode json, String text, Duration retryAfter) {

        boolean ok() {
            return status / 100 == 2;
        }

        boolean busy() {
            return status == 429 || status == 503;
        }

        /** The OpenAI error body's code and message, or the start of the text. */
        String error() {
            JsonNode e = json == null ? null : json.path("error");
            if (e != null && e.isObject()) {
                return e.path("code").asText("") + ": " + e.path("message").asText("");
            }
            return text.length() > 200 ? text.substring(0, 200) : text;
        }
    }

    private final HttpClient http;
    private final RemoteSettings settings;

    UpstreamClient(RemoteSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Null when the upstream's health endpoint answers 2xx, else why not. */
    String health(Upstream u) {
        try {
            HttpResponse<Void> r = http.send(request(u, u.root(settings.healthPath()), HEALTH_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2 ? null : "health answered " + r.statusCode();
        } catch (IOException e) {
            return "unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Text-to-video goes as JSON (SGLang Diffusion reads a multipart body as image-to-video and wants a file in
     * it), image-to-video as multipart with the image as {@code input_reference}.
     */
    Answer submit(Upstream u, Map<String, String> fields, BufferedImage image) throws IOException, InterruptedException {
        if (image == null) {
            com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
            fields.forEach((k, v) -> {
                if ("seed".equals(k)) {
                    body.put(k, Long.parseLong(v));
                } else {
                    body.put(k, v);
                }
            });
            return send(request(u, u.resolve("videos"), settings.requestTimeout()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        }
        String boundary = "reelforge-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (image != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"start.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            ImageIO.write(image, "png", body);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(u, u.resolve("videos"), settings.requestTimeout())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    Answer retrieve(Upstream u, String id) throws IOException, InterruptedException {
        return send(request(u, u.resolve("videos/" + id), settings.requestTimeout()).GET().build());
    }

    Answer delete(Upstream u, String id) throws IOException, InterruptedException {
        return send(request(u, u.resolve("videos/" + id), settings.requestTimeout()).DELETE().build());
    }

    /** Writes the video to {@code target}; the answer's body is the text of an error, empty on success. */
    Answer download(Upstream u, String id, Path target) throws IOException, InterruptedException {
        HttpResponse<Path> r = http.send(request(u, u.resolve("videos/" + id + "/content"), DOWNLOAD_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofFile(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING));
        String text = r.statusCode() / 100 == 2 ? "" : java.nio.file.Files.readString(target, StandardCharsets.UTF_8);
        return new Answer(r.statusCode(), parse(text), text, retryAfter(r));
    }

    /**
     * What a console "test connection" shows: null when the health endpoint answers 2xx and the key is taken
     * (GET {@code /models}, or {@code /videos?limit=1} where the server has no model list), else why not.
     */
    String test(Upstream u) {
        String health = health(u);
        if (health != null) {
            return health;
        }
        try {
            Answer a = send(request(u, u.resolve("models"), HEALTH_TIMEOUT).GET().build());
            if (a.status() == 404) {
                a = send(request(u, u.resolve("videos?limit=1"), HEALTH_TIMEOUT).GET().build());
            }
            if (a.status() == 401 || a.status() == 403) {
                return "the key was refused (" + a.status() + ")";
            }
            return a.ok() ? null : "answered " + a.status() + " " + a.error();
        } catch (IOException e) {
            return "unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private HttpRequest.Builder request(Upstream u, URI uri, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", "Reelforge-Remote/1");
        // A console-managed upstream gets its own key only: the configured key never goes to a host added later.
        String key = u.managed() ? u.apiKey() : settings.apiKey();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return b;
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), parse(r.body()), r.body(), retryAfter(r));
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Seconds only (what these servers send); null when absent or unreadable. */
    private static Duration retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /** The submit form: prompt, size, seconds, model, and the optional fields the settings allow. */
    static Map<String, String> form(io.reelforge.engine.RenderSpec spec, RemoteSettings settings) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("prompt", spec.prompt());
        f.put("size", spec.width() + "x" + spec.height());
        f.put("seconds", String.valueOf(Math.round(spec.frameCount() / (double) spec.fps())));
        if (settings.model() != null) {
            f.put("model", settings.model());
        }
        if (settings.fields().contains("seed")) {
            f.put("seed", String.valueOf(spec.seed() & 0x7fffffffL));
        }
        if (settings.fields().contains("negative_prompt") && !spec.negativePrompt().isBlank()) {
            f.put("negative_prompt", spec.negativePrompt());
        }
        return f;
    }
}
