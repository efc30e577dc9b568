package io.reelforge.infrastructure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import io.reelforge.application.ops.OpsMetrics;

/**
 * Micrometer's Prometheus registry behind the facade, served by {@link MetricsServlet} at {@code /metrics}.
 * MicroProfile 7 dropped Metrics; MicroProfile Telemetry exports over OTLP and needs a collector to give
 * Prometheus text, so Micrometer keeps the scrape URL, the series names and the labels of before, including
 * {@code mp_scope} ({@code application} for the appliance's series, {@code base} for the JVM's).
 */
@ApplicationScoped
public class PrometheusOpsMetrics implements OpsMetrics {

    private static final Logger LOG = Logger.getLogger(PrometheusOpsMetrics.class.getName());
    private static final Duration[] REQUEST_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    private static final Duration[] RENDER_BUCKETS = seconds(1, 2, 5, 10, 20, 30, 60, 120, 300, 600);

    private final PrometheusMeterRegistry application = registry("application");
    private final PrometheusMeterRegistry base = registry("base");
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PrometheusOpsMetrics() {
        new JvmMemoryMetrics().bindTo(base);
        new JvmThreadMetrics().bindTo(base);
        new ClassLoaderMetrics().bindTo(base);
        new ProcessorMetrics().bindTo(base);
        new UptimeMetrics().bindTo(base);
        gc.bindTo(base);
    }

    @Override
    public void request(String method, String route, int status, Duration took) {
        Timer.builder("reelforge.http.request")
                .description("API requests by method, route template and status, with their latency")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(REQUEST_BUCKETS)
                .register(application).record(took);
    }

    @Override
    public void render(String engine, String resolution, String outcome, Duration took) {
        Timer.builder("reelforge.render")
                .description("Render time by engine, resolution and outcome")
                .tags("engine", engine, "resolution", resolution, "outcome", outcome)
                .serviceLevelObjectives(RENDER_BUCKETS)
                .register(application).record(took);
    }

    @Override
    public void creditsDebited(long credits) {
        Counter.builder("reelforge.credits.debited").description("Credits debited for generations")
                .register(application).increment(credits);
    }

    @Override
    public void creditsRefunded(long credits, String reason) {
        Counter.builder("reelforge.credits.refunded").description("Credits refunded, by reason")
                .tag("reason", reason).register(application).increment(credits);
    }

    @Override
    public void webhookAttempt(String outcome, int status) {
        Counter.builder("reelforge.webhook.attempts")
                .description("Webhook delivery attempts by outcome and receiver status")
                .tags("outcome", outcome, "status", Integer.toString(status)).register(application).increment();
    }

    @Override
    public void watchJobs(Supplier<Map<String, Long>> countsByStatus) {
        CachedCounts counts = new CachedCounts(countsByStatus);
        for (String status : countsByStatus.get().keySet()) {
            Gauge.builder("reelforge.jobs", counts, c -> c.get(status))
                    .description("Generations in each status now; status=queued is the queue depth")
                    .tag("status", status).strongReference(true).register(application);
        }
    }

    /** Prometheus text of one scope ({@code application}, {@code base}), or of both when scope is null. */
    String scrape(String scope) {
        if ("application".equals(scope)) {
            return application.scrape();
        }
        if ("base".equals(scope)) {
            return base.scrape();
        }
        return application.scrape() + base.scrape();
    }

    @PreDestroy
    void close() {
        gc.close();
        application.close();
        base.close();
    }

    private static PrometheusMeterRegistry registry(String scope) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("mp_scope", scope);
        return registry;
    }

    private static Duration[] seconds(double... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return buckets;
    }

    /** One read of the counts serves every status gauge of a scrape. */
    private static final class CachedCounts {
        private final Supplier<Map<String, Long>> source;
        private Map<String, Long> last = Map.of();
        private long readAt;

        CachedCounts(Supplier<Map<String, Long>> source) {
            this.source = source;
        }

        synchronized double get(String status) {
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
