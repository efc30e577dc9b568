package io.reelforge.application;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.application.ops.Drain;

/**
 * Moves queued jobs into this node's free render slots: claims the oldest queued jobs and hands them to this
 * node's render threads. Woken right after a submission commits (so a render starts at once on an idle
 * appliance), when a render ends, at start-up, and at every heartbeat (which also wakes the other nodes, and
 * is the safety net for a lost wake-up).
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    JobQueue jobs;


    @Inject
    Drain drain;

    @Resource
    ManagedExecutorService executor;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) GenerationQueued event) {
        // After commit, outside the finished transaction: claim on another managed thread.
        executor.execute(this::dispatch);
    }

    /**
     * Dispatches on another managed thread, outside whatever transaction the caller is in: a claim made inside the
     * caller's transaction would be invisible to the render thread until that commits (the render would find its
     * job still queued, skip it, and leave it processing with nothing rendering it). Start-up calls this.
     */
    public void dispatchSoon() {
        executor.execute(this::dispatch);
    }

    public synchronized void dispatch() {
        // A draining appliance lets running renders finish but starts no new one.
        if (!jobs.isRunning() || drain.draining()) {
            return;
        }
        try {
            for (RenderOrder order : lifecycle.claim()) {
                jobs.scheduleRender(order.generationId(), order.attempt());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispatch failed; the watchdog will retry", e);
        }
    }
}
