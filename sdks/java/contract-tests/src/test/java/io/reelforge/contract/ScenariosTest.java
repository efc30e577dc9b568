package io.reelforge.contract;

import com.sun.net.httpserver.HttpServer;
import io.reelforge.sdk.ApiException;
import io.reelforge.sdk.AuthenticationException;
import io.reelforge.sdk.AutoPager;
import io.reelforge.sdk.ConflictException;
import io.reelforge.sdk.ConnectionException;
import io.reelforge.sdk.Generation;
import io.reelforge.sdk.GenerationFailedException;
import io.reelforge.sdk.InsufficientCreditsException;
import io.reelforge.sdk.LedgerEntry;
import io.reelforge.sdk.NotFoundException;
import io.reelforge.sdk.PermissionDeniedException;
import io.reelforge.sdk.RateLimitException;
import io.reelforge.sdk.Reelforge;
import io.reelforge.sdk.ReelforgeException;
import io.reelforge.sdk.TimeoutException;
import io.reelforge.sdk.ValidationException;
import io.reelforge.sdk.WebhookEndpoint;
import io.reelforge.sdk.WebhookEvent;
import io.reelforge.sdk.WebhookVerificationException;
import io.reelforge.sdk.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.reelforge.contract.Support.WAIT;
import static io.reelforge.contract.Support.POLL;
import static io.reelforge.contract.Support.client;
import static io.reelforge.contract.Support.env;
import static io.reelforge.contract.Support.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract scenarios S01-S16 of sdks/contract/SCENARIOS.md against a real appliance (S17: SnippetTest). */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ScenariosTest {
    private final Support support = new Support();

    @AfterEach
    void cancelLeftovers() {
        support.cleanup();
    }

    @Test
    @DisplayName("S01 submit, wait, save")
    void s01SubmitWaitSave(@TempDir Path dir) throws Exception {
        Reelforge c = client("REELFORGE_API_KEY");
        Generation job = support.generate(c, request("S01", "a red fox runs through the snow").duration(5).seed(42).build());
        assertFalse(job.generationId().isEmpty());
        assertTrue(Set.of("queued", "processing").contains(job.status()), job.status());
        assertTrue(job.estimatedSeconds() >= 0);
        Generation result = c.video().waitFor(job.generationId(), WAIT, POLL);
        assertEquals("completed", result.status());
        assertEquals(90, result.creditsUsed());
        assertTrue(result.outputUrl().startsWith("http") && result.thumbnailUrl().startsWith("http"), result.outputUrl());
        Path out = result.save(dir.resolve("s01.mp4"));
        Support.assertValidMp4(out, 1280, 720);
        assertArrayEquals(Files.readAllBytes(out), result.download());
        assertEquals("completed", c.video().get(job.generationId()).status());
    }

    @Test
    @DisplayName("S02a image-to-video from a path")
    void s02aImagePath(@TempDir Path dir) throws Exception {
        Reelforge c = client("REELFORGE_API_KEY");
        Path png = Support.write(dir, "start.png", Support.png());
        Generation job = support.generate(c, request("S02a", "camera slowly zooms in, warm lighting").image(png).build());
        Generation result = c.video().waitFor(job.generationId(), WAIT, POLL);
        assertEquals(true, result.request().get("image"));
        Support.assertValidMp4(result.save(dir.resolve("s02.mp4")), 1280, 720);
    }

    @Test
    @DisplayName("S02b image-to-video from bytes and from a stream, canceled at once")
    void s02bImageBytesAndStream() throws Exception {
        Reelforge c = client("REELFORGE_API_KEY");
        byte[] png = Support.png();
        for (var r : List.of(request("S02b", "a product turns on a table").image(png, "start.png").build(),
                request("S02b", "a product turns on a table").image(new ByteArrayInputStream(png), "start.png").build())) {
            Generation job = support.generate(c, r);
            c.video().cancel(job.generationId());
            assertEquals(true, c.video().get(job.generationId()).request().get("image"));
        }
    }

    @Test
    @DisplayName("S03 quota of 1: generate retries through 429")
    void s03QuotaOfOne() {
        Reelforge c = client("REELFORGE_QUOTA1_KEY", b -> b.maxRetries(8));
        Generation a = support.generate(c, request("S03", "job A").build());
        Instant start = Instant.now();
        Generation b = support.generate(c, request("S03", "job B").build());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 60);
        Generation aNow = c.video().get(a.generationId());
        assertTrue(aNow.isTerminal(), "A still in flight: " + aNow);
        assertFalse(Instant.parse(aNow.completedAt()).isAfter(Instant.parse(b.createdAt())),
                aNow.completedAt() + " after " + b.createdAt());
        assertEquals("completed", c.video().waitFor(b.generationId(), WAIT, POLL).status());
    }

    @Test
    @DisplayName("S04 idempotent retry after a dropped connection charges once")
    void s04IdempotentRetry() throws Exception {
        String flaky = env("REELFORGE_FLAKY_URL");
        Reelforge c = Reelforge.builder().apiKey(env("REELFORGE_API_KEY")).baseUrl(flaky)
                .maxRetries(3).retryDelay(Duration.ofMillis(500)).build();
        String unique = Support.prompt("S04", "idempotent " + UUID.randomUUID());
        int dropped = Support.flakyDropped(flaky);
        Generation job = support.generate(c, request("S04", "").prompt(unique).build());
        assertTrue(Support.flakyDropped(flaky) > dropped, "the proxy dropped nothing");
        assertTrue(job.replayed(), "the answer was not a replay");
        List<LedgerEntry> debits = c.account().ledger(100).stream()
                .filter(e -> job.generationId().equals(e.generationId()) && e.kind().equals("debit")).toList();
        assertEquals(1, debits.size(), debits::toString);
        assertEquals(-90, debits.get(0).amount());
        long same = c.video().list(null, 100).stream().filter(g -> unique.equals(g.request().get("prompt"))).count();
        assertEquals(1, same);
        c.video().cancel(job.generationId());
    }

    @Test
    @DisplayName("S05 authentication error (401)")
    void s05Authentication() {
        String key = "rf_live_" + randomChars(50);
        Reelforge c = Reelforge.builder().apiKey(key).baseUrl(env("REELFORGE_BASE_URL")).build();
        var e = assertThrows(AuthenticationException.class, () -> c.account().get());
        assertApi(e, 401, "invalid_api_key");
        assertFalse(e.getMessage().contains(key) || e.toString().contains(key) || e.apiMessage().contains(key));
    }

    @Test
    @DisplayName("S06 insufficient credits (402)")
    void s06InsufficientCredits() {
        Reelforge c = client("REELFORGE_BROKE_KEY");
        var e = assertThrows(InsufficientCreditsException.class, () -> support.generate(c, request("S06", "no credits").build()));
        assertApi(e, 402, "insufficient_credits");
    }

    @Test
    @DisplayName("S07 permission denied (403)")
    void s07PermissionDenied() {
        Reelforge c = client("REELFORGE_RESTRICTED_KEY");
        var e = assertThrows(PermissionDeniedException.class,
                () -> support.generate(c, request("S07", "too big").resolution("1080p").build()));
        assertApi(e, 403, "resolution_not_allowed");
        assertEquals("resolution", e.param());
    }

    @Test
    @DisplayName("S08 not found (404)")
    void s08NotFound() {
        Reelforge c = client("REELFORGE_API_KEY");
        var e = assertThrows(NotFoundException.class, () -> c.video().get(UUID.randomUUID().toString()));
        assertApi(e, 404, "generation.not_found");
    }

    @Test
    @DisplayName("S09 validation (422, with param)")
    void s09Validation() {
        Reelforge c = client("REELFORGE_API_KEY");
        var e = assertThrows(ValidationException.class, () -> support.generate(c, request("S09", "bad").resolution("4k").build()));
        assertApi(e, 422, "unsupported_resolution");
        assertEquals("resolution", e.param());
    }

    @Test
    @DisplayName("S10 rate limit (429) without retries")
    void s10RateLimit() {
        Reelforge c = client("REELFORGE_QUOTA1_KEY", b -> b.maxRetries(0));
        Generation a = support.generate(c, request("S10", "job A").build());
        var e = assertThrows(RateLimitException.class, () -> support.generate(c, request("S10", "job B").build()));
        assertApi(e, 429, "concurrency_limit_exceeded");
        Duration ra = e.retryAfter().orElseThrow();
        assertTrue(ra.toSeconds() >= 1 && ra.toMillis() % 1000 == 0, ra::toString);
        c.video().cancel(a.generationId());
    }

    @Test
    @DisplayName("S11 connection error")
    void s11Connection() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Reelforge c = Reelforge.builder().apiKey("rf_live_unused").baseUrl("http://127.0.0.1:" + port)
                .maxRetries(1).retryDelay(Duration.ofMillis(100)).build();
        Instant start = Instant.now();
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> c.account().get());
        assertEquals(ConnectionException.class, e.getClass(), e::toString);
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 10);
    }

    @Test
    @DisplayName("S12 timeout from wait")
    void s12WaitTimeout() {
        Reelforge c = client("REELFORGE_API_KEY");
        Generation job = support.generate(c, request("S12", "slow clouds").build());
        Instant start = Instant.now();
        assertThrows(TimeoutException.class, () -> c.video().waitFor(job.generationId(), Duration.ofMillis(500), POLL));
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5);
        c.video().cancel(job.generationId());
    }

    @Test
    @DisplayName("S13 cancel refunds")
    void s13CancelRefunds() {
        Reelforge c = client("REELFORGE_API_KEY");
        long b0 = c.account().get().balance();
        Generation job = support.generate(c, request("S13", "to be canceled").build());
        assertEquals(b0 - 90, c.account().get().balance());
        assertEquals("canceled", c.video().cancel(job.generationId()).status());
        assertEquals(b0, c.account().get().balance());
        Map<String, Long> kinds = new HashMap<>();
        for (LedgerEntry e : c.account().ledger(100)) {
            if (job.generationId().equals(e.generationId())) {
                assertNull(kinds.put(e.kind(), e.amount()), "two " + e.kind() + " entries");
            }
        }
        assertEquals(Map.of("debit", -90L, "refund", 90L), kinds);
        var failed = assertThrows(GenerationFailedException.class, () -> c.video().waitFor(job.generationId(), WAIT, POLL));
        assertEquals("canceled", failed.status());
        assertEquals(job.generationId(), failed.generationId());
        assertEquals(failed.generation().errorCode(), failed.errorCode());
        assertEquals(failed.generation().errorMessage(), failed.errorMessage());
        var again = assertThrows(ConflictException.class, () -> c.video().cancel(job.generationId()));
        assertApi(again, 409, "generation.not_cancelable");
    }

    @Test
    @DisplayName("S14 webhooks: a real delivery verifies, a tampered one does not")
    void s14Webhooks() throws Exception {
        Reelforge c = client("REELFORGE_API_KEY");
        record Delivery(byte[] body, Map<String, List<String>> headers) {
        }
        List<Delivery> got = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            got.add(new Delivery(ex.getRequestBody().readAllBytes(), Map.copyOf(ex.getRequestHeaders())));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        WebhookEndpoint ep = null;
        try {
            ep = c.webhooks().create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", List.of("video.completed"));
            String id = ep.id();
            assertTrue(id.startsWith("we_") && ep.secret().startsWith("whsec_"), ep::toString);
            assertTrue(c.webhooks().list().stream().anyMatch(e -> e.id().equals(id)));
            WebhookEndpoint one = c.webhooks().get(id);
            assertEquals(id, one.id());
            assertNull(one.secret());
            Generation job = support.generate(c, request("S14", "lighthouse at night").build());
            c.video().waitFor(job.generationId(), WAIT, POLL);
            Delivery d = null;
            for (Instant until = Instant.now().plusSeconds(30); d == null && Instant.now().isBefore(until); Thread.sleep(200)) {
                d = got.stream().filter(x -> new String(x.body(), StandardCharsets.UTF_8).contains(job.generationId()))
                        .findFirst().orElse(null);
            }
            assertNotNull(d, "no delivery for the job within 30 s");
            WebhookEvent ev = c.webhooks().verify(d.body(), d.headers(), ep.secret());
            assertEquals("video.completed", ev.type());
            assertEquals(job.generationId(), ev.data().generationId());
            byte[] tampered = d.body().clone();
            int at = new String(tampered, StandardCharsets.UTF_8).indexOf(job.generationId());
            tampered[at] ^= 1;
            Map<String, List<String>> badSig = new HashMap<>(d.headers());
            badSig.keySet().removeIf(k -> k.equalsIgnoreCase("webhook-signature"));
            badSig.put("webhook-signature", List.of("v1," + "A".repeat(43) + "="));
            Delivery fd = d;
            String secret = ep.secret();
            assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(tampered, fd.headers(), secret));
            assertThrows(WebhookVerificationException.class, () -> Webhooks.verify(fd.body(), badSig, secret));
            assertThrows(WebhookVerificationException.class,
                    () -> c.webhooks().verify(fd.body(), fd.headers(), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
            c.webhooks().delete(id);
            ep = null;
            assertThrows(NotFoundException.class, () -> c.webhooks().get(id));
        } finally {
            server.stop(0);
            if (ep != null) {
                c.webhooks().delete(ep.id());
            }
        }
    }

    @Test
    @DisplayName("S15 list with auto-pagination")
    void s15ListAutoPagination() {
        Reelforge c = client("REELFORGE_API_KEY");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Generation g = support.generate(c, request("S15", "page item").build());
            c.video().cancel(g.generationId());
            ids.add(g.generationId());
        }
        AutoPager<Generation> pager = c.video().list("canceled", 2);
        List<String> seen = new ArrayList<>();
        Instant last = null;
        for (Generation g : pager) {
            assertFalse(seen.contains(g.generationId()), "twice: " + g.generationId());
            assertEquals("canceled", g.status());
            Instant created = Instant.parse(g.createdAt());
            assertTrue(last == null || !created.isAfter(last), "not newest first");
            last = created;
            seen.add(g.generationId());
        }
        assertTrue(seen.size() > 2 && pager.pagesFetched() >= 2, seen.size() + " items, " + pager.pagesFetched() + " pages");
        assertTrue(seen.containsAll(ids));
    }

    @Test
    @DisplayName("S16 account and ledger")
    void s16AccountAndLedger() {
        Reelforge c = client("REELFORGE_API_KEY");
        var a = c.account().get();
        assertEquals("starter", a.plan().id());
        assertEquals(5, a.limits().maxConcurrentJobs());
        long sum = 0;
        for (LedgerEntry e : c.account().ledger()) {
            assertTrue(Set.of("grant", "debit", "refund", "adjustment").contains(e.kind()), e::toString);
            sum += e.amount();
        }
        var after = c.account().get();
        assertEquals(0, after.inFlight());
        assertEquals(after.balance(), sum);
    }

    private static void assertApi(ApiException e, int status, String code) {
        assertEquals(status, e.statusCode(), e::toString);
        assertEquals(code, e.code(), e::toString);
    }

    private static String randomChars(int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(abc.charAt(r.nextInt(abc.length())));
        }
        return b.toString();
    }
}
