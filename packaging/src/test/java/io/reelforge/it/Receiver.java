package io.reelforge.it;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver started by a test on 127.0.0.1: records every request per path and answers each path
 * with a scripted sequence of replies (the last one repeats), e.g. 500, 500, 200.
 */
final class Receiver implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply of(int status) {
            return new Reply(status, Map.of(), "{\"ok\":" + (status < 300) + "}");
        }
    }

    /** One received request. */
    record Hit(String path, Map<String, List<String>> headers, String body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            hits.add(new Hit(path, Map.copyOf(exchange.getRequestHeaders()), body, Instant.now()));
            Deque<Reply> script = scripts.get(path);
            Reply r = script == null ? Reply.of(200) : script.size() > 1 ? script.poll() : script.peek();
            r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(r.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** Answers this path with these replies in turn; the last one then repeats. */
    Receiver script(String path, Reply... replies) {
        scripts.put(path, new ConcurrentLinkedDeque<>(List.of(replies)));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Hit> hits(String path) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            if (h.path().equals(path)) {
                out.add(h);
            }
        }
        return out;
    }

    /** Waits until this path has received at least n requests. */
    List<Hit> await(String path, int n, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            List<Hit> h = hits(path);
            if (h.size() >= n) {
                return h;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " got " + hits(path).size() + " requests, expected " + n + " within " + limit);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
