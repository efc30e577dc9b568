package io.reelforge.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.net.AddressPolicy;

class WebhookHttpClientTest {

    private static final WebhookHttpClient CLIENT =
            new WebhookHttpClient(new AddressPolicy(List.of("127.0.0.0/8")), Duration.ofSeconds(2));

    @Test
    void retryAfterReadsSecondsAndDatesAndCapsThem() {
        assertEquals(Duration.ofSeconds(30), WebhookHttpClient.retryAfter("30"));
        assertEquals(Duration.ofHours(24), WebhookHttpClient.retryAfter("999999"));
        assertNull(WebhookHttpClient.retryAfter("soon"));
        assertNull(WebhookHttpClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @Test
    void aReceiverDrippingItsAnswerIsCutOffAtTheDeadline() throws Exception {
        // a byte every 300 ms: well inside a per-read timeout of 2 s, forever
        try (Receiver r = new Receiver(out -> {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200; i++) {
                out.write('a');
                out.flush();
                Thread.sleep(300);
            }
        })) {
            long start = System.nanoTime();
            AttemptOutcome o = CLIENT.post(r.url(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertNull(o.statusCode());
            assertEquals("timed out after 2 s", o.error());
            assertTrue(ms >= 1900 && ms < 5000, "cut off at the 2 s deadline, not after 60 s of dripping: " + ms + " ms");
        }
    }

    @Test
    void aReceiverSendingEndlessHeadersIsRefusedAtTheCap() throws Exception {
        try (Receiver r = new Receiver(out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100_000; i++) {
                out.write(("X-H" + i + ": v\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        })) {
            AttemptOutcome o = CLIENT.post(r.url(), Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
            assertNull(o.statusCode());
            assertTrue(o.error().contains("response headers over " + WebhookHttpClient.MAX_HEADERS + " lines"), o.error());
        }
    }

    @Test
    void aPromptReceiverIsReadAsBefore() throws Exception {
        try (Receiver r = new Receiver(out -> out.write(
                "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\nRetry-After: 5\r\n\r\nok".getBytes(StandardCharsets.US_ASCII)))) {
            AttemptOutcome o = CLIENT.post(r.url(), Map.of("X-Reelforge-Signature", "t=1,v1=x"), "{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(202, o.statusCode());
            assertEquals("ok", o.responseSnippet());
            assertEquals(Duration.ofSeconds(5), o.retryAfter());
        }
    }

    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    /** A real HTTP receiver on a loopback port: reads the request's head, then answers as told, on its own thread. */
    private static final class Receiver implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Thread thread;

        Receiver(Answer answer) throws IOException {
            thread = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    int matched = 0;
                    for (int c; matched < 4 && (c = in.read()) >= 0; ) {
                        matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                    }
                    answer.write(s.getOutputStream());
                    s.getOutputStream().flush();
                } catch (Exception e) {
                    // the client hung up (as it should for a slow or endless answer), or the test ended
                }
            }, "slow-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
        }

        @Override
        public void close() throws Exception {
            if (closed.compareAndSet(false, true)) {
                server.close();
                thread.interrupt();
                thread.join(5000);
            }
        }
    }
}
