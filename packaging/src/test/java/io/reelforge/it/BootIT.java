package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    @Test
    void readinessProbesDuringBootLeaveTheApplicationDeployed() throws Exception {
        Appliance a = Appliance.create("boot-probed", Map.of());
        try {
            for (int boot = 1; boot <= 2; boot++) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger probes = new AtomicInteger();
                AtomicInteger notReady = new AtomicInteger();
                Thread prober = new Thread(() -> probe(a, stop, probes, notReady));
                prober.start();
                try {
                    a.boot();
                } finally {
                    stop.set(true);
                    prober.join();
                }
                assertTrue(probes.get() > 10, "probed during boot " + boot + ": " + probes.get());
                String log = a.log();
                assertFalse(log.contains("Unable to find property"), "no setting went missing under the probe (boot " + boot + ")");
                assertTrue(log.contains("Reelforge is ready"));
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(a.baseUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
                assertEquals(200, a.api().get("/v1/account").status());
                a.stop();
            }
        } finally {
            a.stop();
        }
    }

    @Test
    void aStartThatFailsEndsTheProcess() throws Exception {
        Appliance a = Appliance.create("boot-fails", Map.of("shutdown.drain-timeout", "soon"));
        try {
            assertThrows(IllegalStateException.class, a::boot, "the start fails");
            assertEquals(3, a.awaitExitStatus(Duration.ofMinutes(2)), "exit status 3, not a live JVM without the application");
            assertTrue(a.log().contains("Reelforge could not start"), "the reason is in the log");
        } finally {
            a.stop();
        }
    }

    private static void probe(Appliance a, AtomicBoolean stop, AtomicInteger probes, AtomicInteger notReady) {
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
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
