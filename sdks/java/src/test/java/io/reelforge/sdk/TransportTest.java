package io.reelforge.sdk;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries, idempotency keys, User-Agent and error mapping against a local HTTP server. */
class TransportTest {
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> agents = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private Reelforge serve(int... statuses) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            keys.add(String.valueOf(ex.getRequestHeaders().getFirst("Idempotency-Key")));
            agents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            int status = statuses[Math.min(keys.size() - 1, statuses.length - 1)];
            String body = status < 300 ? "{\"generation_id\":\"g1\",\"status\":\"queued\",\"estimated_seconds\":3}"
                    : "{\"error\":{\"type\":\"t\",\"code\":\"c" + status + "\",\"message\":\"m\",\"param\":null}}";
            ex.getResponseHeaders().add("Retry-After", keys.size() == 1 ? "1" : "0");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return Reelforge.builder().apiKey("rf_live_secret").baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .retryDelay(Duration.ofMillis(10)).maxRetries(2).build();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a503AndA429AreRetriedWithOneIdempotencyKeyAfterRetryAfter() throws IOException {
        Reelforge c = serve(503, 429, 202);
        long start = System.nanoTime();
        assertEquals("g1", c.video().generate(VideoRequest.of("p")).generationId());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 1000 && ms < 5000, ms + " ms; the first Retry-After asks for 1 s");
        assertEquals(3, keys.size());
        assertEquals(1, keys.stream().distinct().count());
        assertFalse(keys.get(0).equals("null"));
        assertEquals("reelforge-java/0.1.0", agents.get(0));
    }

    @Test
    void spentRetriesGiveTheTypedErrorWithoutTheKey() throws IOException {
        Reelforge c = serve(429);
        RateLimitException e = assertThrows(RateLimitException.class, () -> c.account().get());
        assertEquals("c429", e.code());
        assertEquals(Duration.ZERO, e.retryAfter().orElseThrow()); // the last answer's
        assertEquals(3, keys.size());
        assertFalse(e.toString().contains("rf_live_secret"));
    }

    @Test
    void a500IsNotRetried() throws IOException {
        Reelforge c = serve(500);
        assertThrows(ServerException.class, () -> c.video().get("x"));
        assertEquals(1, keys.size());
    }
}
