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

    public void begin(Duration timeout) {
        deadline = Instant.now().plus(timeout);
    }

    public boolean draining() {
        return deadline != null;
    }

    /** Refuses new work while draining, telling the client when to retry. */
    public void refuseIfDraining() {
        Instant d = deadline;
        if (d != null) {
            long left = Math.max(0, Duration.between(Instant.now(), d).toSeconds());
            throw new ShuttingDownException(left + RESTART_SECONDS);
        }
    }
}
