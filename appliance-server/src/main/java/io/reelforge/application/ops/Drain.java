package io.reelforge.application.ops;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.domain.shared.ShuttingDownException;

/**
 * Whether this appliance is draining: a stop was asked for, renders in progress may finish until the deadline,
 * and no new job is accepted or started. Readiness reports it so a load balancer stops sending traffic.
 */
@ApplicationScoped
public class Drain {

    /** Seconds a client should wait after the drain's deadline: about what a restart takes. */
    static final long RESTART_SECONDS = 30;

    private volatile Instant deadline;
    /**
     * The same deadline for the servlet layer, which must still answer in the drain's last moments, when the
     * server has begun to stop and this bean (and JAX-RS) may be gone.
     */
    private static volatile Instant stopping;

    public void begin(Duration timeout) {
        deadline = Instant.now().plus(timeout);
        stopping = deadline;
    }

    /** While a drain runs: the seconds a client should wait before retrying; empty otherwise. */
    public static java.util.OptionalLong retryAfterWhileStopping() {
        Instant d = stopping;
        return d == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(retryAfter(d));
    }

    private static long retryAfter(Instant d) {
        return Math.max(0, Duration.between(Instant.now(), d).toSeconds()) + RESTART_SECONDS;
    }

    public boolean draining() {
        return deadline != null;
    }

    /** Refuses new work while draining, telling the client when to retry. */
    public void refuseIfDraining() {
        Instant d = deadline;
        if (d != null) {
            throw new ShuttingDownException(retryAfter(d));
        }
    }
}
