package io.reelforge.application.ops;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the appliance counts, in its own words; the implementation decides how it is exported (Prometheus
 * text at {@code /metrics}, see docs/operations.md). Callers record facts and never build metric names.
 */
public interface OpsMetrics {

    /** One HTTP request to the API, by route template (e.g. {@code /v1/video/{id}}), method and status. */
    void request(String method, String route, int status, Duration took);

    /** A render that ended on this engine at this resolution ({@code 720p}, {@code 1080p}), with its outcome. */
    void render(String engine, String resolution, String outcome, Duration took);

    void creditsDebited(long credits);

    void creditsRefunded(long credits, String reason);

    /**
     * One webhook delivery attempt: {@code outcome} is {@code delivered}, {@code failed} (will retry),
     * {@code gave_up} or {@code disabled}; {@code status} the receiver's HTTP status, 0 when none came back.
     */
    void webhookAttempt(String outcome, int status);

    /** Exports the current number of jobs per status (queue depth is the {@code queued} one), read on each scrape. */
    void watchJobs(Supplier<Map<String, Long>> countsByStatus);
}
