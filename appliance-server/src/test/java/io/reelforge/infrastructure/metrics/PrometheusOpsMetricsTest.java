package io.reelforge.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The series names and labels of the MicroProfile Metrics endpoint of Payara 6, which dashboards rely on. */
class PrometheusOpsMetricsTest {

    @Test
    void seriesKeepTheirNamesLabelsAndBuckets() {
        PrometheusOpsMetrics metrics = new PrometheusOpsMetrics();
        metrics.request("POST", "/v1/video/generate", 202, Duration.ofMillis(40));
        metrics.render("sandbox", "720p", "completed", Duration.ofSeconds(3));
        metrics.creditsDebited(90);
        metrics.creditsRefunded(90, "canceled");
        metrics.webhookAttempt("delivered", 200);
        metrics.watchJobs(() -> Map.of("queued", 2L, "completed", 5L));
        System.gc(); // the job gauges must survive a collection (Micrometer holds gauge state weakly by default)

        String app = metrics.scrape("application");
        assertTrue(app.contains("reelforge_http_request_seconds_bucket{method=\"POST\",mp_scope=\"application\","
                + "route=\"/v1/video/generate\",status=\"202\",le=\"0.05\"} 1"), app);
        assertTrue(app.contains("reelforge_http_request_seconds_count{method=\"POST\""), app);
        assertTrue(app.contains("reelforge_http_request_seconds_max{"), app);
        assertTrue(app.contains("reelforge_render_seconds_bucket{engine=\"sandbox\",mp_scope=\"application\","
                + "outcome=\"completed\",resolution=\"720p\",le=\"5.0\"} 1"), app);
        assertTrue(app.contains("reelforge_credits_debited_total{mp_scope=\"application\"} 90.0"), app);
        assertTrue(app.contains("reelforge_credits_refunded_total{mp_scope=\"application\",reason=\"canceled\"} 90.0"), app);
        assertTrue(app.contains("reelforge_webhook_attempts_total{mp_scope=\"application\",outcome=\"delivered\",status=\"200\"} 1.0"), app);
        assertTrue(app.contains("reelforge_jobs{mp_scope=\"application\",status=\"queued\"} 2.0"), app);
        assertFalse(app.contains("quantile="), "no quantile series");
        assertFalse(app.contains("mp_scope=\"base\""), "one scope only");
        assertTrue(metrics.scrape("base").contains("jvm_memory_used_bytes{"));
        assertTrue(metrics.scrape(null).contains("reelforge_jobs{") && metrics.scrape(null).contains("jvm_threads_live_threads{"));
        metrics.close();
    }
}
