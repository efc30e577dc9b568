package io.reelforge.application;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.application.ops.Drain;
import io.reelforge.infrastructure.jobs.JobScheduler;

/**
 * Moves queued jobs into free render slots: claims the oldest queued job and hands it to the job runner,
 * until the slots are full or the queue is empty. Woken right after a submission commits (so a render starts
 * at once on an idle appliance), when a render ends, at start-up, and by the watchdog as a safety net.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    JobScheduler jobs;


    @Inject
    Drain drain;

    @Resource
    ManagedExecutorService executor;

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) GenerationQueued event) {
        // After commit, outside the finished transaction: claim on another managed thread.
        executor.execute(this::dispatch);
    }

    public synchronized void dispatch() {
        // A draining appliance lets running renders finish but starts no new one.
        if (!jobs.isRunning() || drain.draining()) {
            return;
        }
        try {
            Optional<RenderOrder> next;
            while ((next = lifecycle.claimNext()).isPresent()) {
                jobs.scheduleRender(next.get().generationId(), next.get().attempt());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dispatch failed; the watchdog will retry", e);
        }
    }
}
