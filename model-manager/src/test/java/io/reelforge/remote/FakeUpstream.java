package io.reelforge.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted upstream on a real loopback socket, for the failures a real server rarely shows on demand (a 429,
 * a failed job, a file that is no video, a job that never ends). Records every request as "METHOD path".
 */
final class FakeUpstream implements AutoCloseable {

    volatile int submitStatus = 200;
    volatile String status = "completed";
    /** Polls answered {@code in_progress} at 50 % before {@link #status}. */
    final java.util.concurrent.atomic.AtomicInteger pollsBeforeStatus = new java.util.concurrent.atomic.AtomicInteger();
    volatile byte[] content = "not a video".getBytes(StandardCharsets.UTF_8);
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** When set, {@code /v1/*} answers 401 unless sent {@code Authorization: Bearer <key>}. */
    volatile String requiredKey;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        calls.add(x.getRequestMethod() + " " + path);
        x.getRequestBody().readAllBytes();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        if (requiredKey != null && path.startsWith("/v1/") && !("Bearer " + requiredKey).equals(auth)) {
            send(x, 401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"no\"}}");
        } else if (path.equals("/v1/models")) {
            send(x, 200, "{\"data\":[]}");
        } else if (path.equals("/health")) {
            send(x, 200, "{}");
        } else if (x.getRequestMethod().equals("POST") && path.equals("/v1/videos")) {
            if (submitStatus == 429) {
                x.getResponseHeaders().add("Retry-After", "1");
                send(x, 429, "{\"error\":{\"code\":\"concurrency_limit_exceeded\",\"message\":\"busy\"}}");
            } else {
                send(x, submitStatus, "{\"id\":\"v1\",\"object\":\"video\",\"model\":\"fake-wan\",\"status\":\"queued\",\"progress\":0}");
            }
        } else if (path.equals("/v1/videos/v1/content")) {
            x.sendResponseHeaders(200, content.length);
            x.getResponseBody().write(content);
            x.close();
        } else if (path.equals("/v1/videos/v1")) {
            send(x, 200, x.getRequestMethod().equals("DELETE") ? "{\"id\":\"v1\",\"deleted\":true}"
                    : "{\"id\":\"v1\",\"status\":\"" + (pollsBeforeStatus.getAndDecrement() > 0 ? "in_progress" : status) + "\",\"progress\":50,\"error\":"
                    + ("failed".equals(status) ? "{\"code\":\"oom\",\"message\":\"out of memory\"}" : "null") + "}");
        } else {
            send(x, 404, "{}");
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
