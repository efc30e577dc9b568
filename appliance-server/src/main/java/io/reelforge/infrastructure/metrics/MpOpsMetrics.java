package io.reelforge.infrastructure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import io.reelforge.application.ops.OpsMetrics;

/**
 * MicroProfile Metrics rather than Micrometer: Payara Micro already serves the registry at {@code /metrics}
 * in Prometheus text, with histogram buckets set in microprofile-config.properties, so nothing is added to
 * the bundle and no second endpoint competes for the path.
 */
@ApplicationScoped
public class MpOpsMetrics implements OpsMetrics {

    private static final Logger LOG = Logger.getLogger(MpOpsMetrics.class.getName());

    private static final Metadata REQUESTS = Metadata.builder().withName("reelforge_http_request")
            .withDescription("API requests by method, route template and status, with their latency")
            .withUnit(MetricUnits.NANOSECONDS).build();
    private static final Metadata RENDERS = Metadata.builder().withName("reelforge_render")
            .withDescription("Render time by engine, resolution and outcome")
            .withUnit(MetricUnits.NANOSECONDS).build();
    private static final Metadata DEBITED = Metadata.builder().withName("reelforge_credits_debited")
            .withDescription("Credits debited for generations").build();
    private static final Metadata REFUNDED = Metadata.builder().withName("reelforge_credits_refunded")
            .withDescription("Credits refunded, by reason").build();
    private static final Metadata WEBHOOKS = Metadata.builder().withName("reelforge_webhook_attempts")
            .withDescription("Webhook delivery attempts by outcome and receiver status").build();
    private static final Metadata JOBS = Metadata.builder().withName("reelforge_jobs")
            .withDescription("Generations in each status now; status=queued is the queue depth").build();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Override
    public void request(String method, String route, int status, Duration took) {
        registry.timer(REQUESTS, new Tag("method", method), new Tag("route", route),
                new Tag("status", Integer.toString(status))).update(took);
    }

    @Override
    public void render(String engine, String resolution, String outcome, Duration took) {
        registry.timer(RENDERS, new Tag("engine", engine), new Tag("resolution", resolution),
                new Tag("outcome", outcome)).update(took);
    }

    @Override
    public void creditsDebited(long credits) {
        registry.counter(DEBITED).inc(credits);
    }

    @Override
    public void creditsRefunded(long credits, String reason) {
        registry.counter(REFUNDED, new Tag("reason", reason)).inc(credits);
    }

    @Override
    public void webhookAttempt(String outcome, int status) {
        registry.counter(WEBHOOKS, new Tag("outcome", outcome), new Tag("status", Integer.toString(status))).inc();
    }

    @Override
    public void watchJobs(Supplier<Map<String, Long>> countsByStatus) {
        CachedCounts counts = new CachedCounts(countsByStatus);
        for (String status : countsByStatus.get().keySet()) {
            registry.gauge(JOBS, () -> counts.get(status), new Tag("status", status));
        }
    }

    /** One read of the counts serves every status gauge of a scrape. */
    private static final class CachedCounts {
        private final Supplier<Map<String, Long>> source;
        private Map<String, Long> last = Map.of();
        private long readAt;

        CachedCounts(Supplier<Map<String, Long>> source) {
            this.source = source;
        }

        synchronized Long get(String status) {
            long now = System.nanoTime();
            if (now - readAt > 1_000_000_000L || last.isEmpty()) {
                try {
                    last = source.get();
                    readAt = now;
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "job counts not readable now", e);
                }
            }
            return last.getOrDefault(status, 0L);
        }
    }
}
