package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Start-up as an orchestrator sees it. A readiness probe every 100 ms from the first second, as Kubernetes does,
 * must not break the start (it used to leave the application undeployed in every probed boot); a start that
 * cannot complete ends the process with a non-zero status instead of leaving a JVM that serves nothing.
 */
class BootIT {

    /**
     * Two starts of one appliance under the probes: the first from the uber jar on a new database ({@code make run}'s
     * start), the second from the launcher root with the AOT cache on that database (an installed release's start).
     * Each is also checked as an operator reads it: ready announced once, the API and the console served, and a start
     * log without dumped trust anchors, JDK warnings or a cache the JVM could not use.
     */
    @Test
    void readinessProbesDuringBootLeaveTheApplicationDeployed() throws Exception {
        Appliance a = Appliance.create("boot-probed", Map.of()).newDatabase();
        try {
            for (int boot = 1; boot <= 2; boot++) {
                a.uberJar(boot == 1);
                int logBefore = a.log().length();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger probes = new AtomicInteger();
                AtomicInteger notReady = new AtomicInteger();
                AtomicInteger malformed = new AtomicInteger();
                // two readiness probers every 10 ms (kept-alive connections and new ones) and one sending a malformed
                // path on a new connection every 10 ms: the listener's guards go in while all three are being served
                Thread prober = new Thread(() -> probe(a, stop, probes, notReady, 10));
                Thread second = new Thread(() -> probe(a, stop, probes, notReady, 10));
                Thread bad = new Thread(() -> probeMalformed(a, stop, malformed));
                prober.start();
                second.start();
                bad.start();
                try {
                    a.boot();
                } finally {
                    stop.set(true);
                    prober.join();
                    second.join();
                    bad.join();
                }
                assertTrue(probes.get() > 10, "probed during boot " + boot + ": " + probes.get());
                assertTrue(malformed.get() > 10, "malformed requests during boot " + boot + ": " + malformed.get());
                String log = a.log().substring(logBefore); // this boot's
                assertFalse(log.contains("Unable to find property"), "no setting went missing under the probe (boot " + boot + ")");
                assertFalse(log.contains("GRIZZLY0013") || log.contains("ArrayIndexOutOfBoundsException"),
                        "no listener thread failed while the guards went in (boot " + boot + ")");
                assertEquals(1, log.split("Reelforge is ready", -1).length - 1, "ready announced once (boot " + boot + ")");
                String start = log.substring(0, log.indexOf("Reelforge is ready"));
                assertFalse(start.contains("BEGIN CERTIFICATE") || start.contains("has expired"),
                        "no expired trust anchors dumped at start-up (boot " + boot + ")");
                assertFalse(start.contains("WARNING: A restricted method") || start.contains("sun.misc.Unsafe"),
                        "no JDK native-access or Unsafe warnings at start-up (boot " + boot + ")");
                assertFalse(start.contains("[error][aot]"), "the AOT cache, when this start had it, was the JVM's to use");
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create(a.baseUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals(200, a.api().get("/v1/account").status());
                // How fast the console's first page comes is bench/dist-boot.sh's to measure, not a test's: the
                // black-box classes run in parallel, so this one's wall-clock time says little.
                HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/admin/login"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, console.statusCode(), console.body());
                assertTrue(console.body().contains("<html") || console.body().contains("<!doctype"), "the console's page");
                // the guards are in once ready: a path the container cannot decode gets the JSON error, not 200 empty
                ErrorsIT.assertRawError(ErrorsIT.rawBytes(a.baseUrl(), malformedRequest(a)), 400, "invalid_path",
                        "GET /v1/%zz after ready (boot " + boot + ")");
                String afterReady = log.substring(log.lastIndexOf("Reelforge is ready"));
                assertFalse(afterReady.contains("Illegal hex characters"), "no request reached Catalina's decoder after ready "
                        + "(boot " + boot + ")");
                for (int i = 0; i < 20; i++) {
                    assertEquals(200, a.api().get("/v1/account").status(), "serving after ready (boot " + boot + ")");
                }
                a.stop();
            }
        } finally {
            a.stop();
        }
    }

    /** From the launcher root (an installed release's start) and from the uber jar ({@code make run}'s). */
    @Test
    void aStartThatFailsEndsTheProcess() throws Exception {
        for (Appliance a : List.of(Appliance.create("boot-fails", Map.of("shutdown.drain-timeout", "soon")),
                Appliance.create("boot-fails-uber", Map.of("shutdown.drain-timeout", "soon")).uberJar())) {
            try {
                assertThrows(IllegalStateException.class, a::boot, "the start fails");
                assertEquals(3, a.awaitExitStatus(Duration.ofMinutes(2)), "exit status 3, not a live JVM without the application");
                assertTrue(a.log().contains("Reelforge could not start"), "the reason is in the log");
            } finally {
                a.stop();
            }
        }
    }

    /**
     * Started straight from the jar (no launcher to refuse a taken port first), a server that cannot bind its port
     * ends with status 3: Payara Micro's own main logged the error and kept its threads alive (seen 1.5 minutes later).
     */
    @Test
    void aTakenPortEndsTheProcess() throws Exception {
        Appliance a = Appliance.create("boot-port-taken", Map.of()).uberJar();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(URI.create(a.baseUrl()).getPort()));
            assertThrows(IllegalStateException.class, a::boot, "the start fails");
            assertEquals(3, a.awaitExitStatus(Duration.ofMinutes(2)), "exit status 3, not a live JVM serving nothing");
            assertTrue(a.log().contains("Reelforge could not start: the server did not start"), "the reason is in the log");
        } finally {
            a.stop();
        }
    }

    private static void probe(Appliance a, AtomicBoolean stop, AtomicInteger probes, AtomicInteger notReady, long everyMs) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        while (!stop.get()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                probes.incrementAndGet();
                if (r.statusCode() != 200) {
                    notReady.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                probes.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!pause(everyMs)) {
                return;
            }
        }
    }

    /** {@code GET /v1/%zz} on a new connection, over and over, until stopped; any answer (or none) counts. */
    private static void probeMalformed(Appliance a, AtomicBoolean stop, AtomicInteger sent) {
        while (!stop.get()) {
            try {
                ErrorsIT.rawBytes(a.baseUrl(), malformedRequest(a));
            } catch (Exception notYetListening) {
                // refused, reset or not an HTTP answer while the server starts
            }
            sent.incrementAndGet();
            if (!pause(10)) {
                return;
            }
        }
    }

    private static byte[] malformedRequest(Appliance a) {
        return ("GET /v1/%zz HTTP/1.1\r\nHost: " + URI.create(a.baseUrl()).getAuthority() + "\r\nConnection: close\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
