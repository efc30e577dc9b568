package io.reelforge.infrastructure.jobs;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.Cluster;
import io.reelforge.application.Dispatcher;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderSignals;
import io.reelforge.infrastructure.config.Settings;

/**
 * What each node does for itself, on its own schedule (not the shared job store, which runs a job on one node
 * only). At every heartbeat: renew the lease, stop the renders whose jobs are no longer this node's (a cancel
 * that came in on another node, a job taken back), take back the renders of nodes whose lease lapsed, and fill
 * free slots. At every watchdog interval: fail this node's jobs stuck past their time limit.
 */
@ApplicationScoped
public class NodeTasks {

    private static final Logger LOG = Logger.getLogger(NodeTasks.class.getName());

    // Threads from the container's factory (as the job runner's): tasks given to its managed scheduled executor
    // from the start-up singleton would carry that EJB's invocation context and fail on every run.
    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    Cluster cluster;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    RenderSignals signals;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Settings settings;

    private volatile ScheduledExecutorService scheduler;
    private volatile boolean failing;

    public void start() {
        long beat = settings.clusterHeartbeat().toMillis();
        long watch = settings.watchdogInterval().toMillis();
        ScheduledExecutorService s = Executors.newScheduledThreadPool(2, threadFactory);
        s.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
        s.scheduleWithFixedDelay(this::watch, watch, watch, TimeUnit.MILLISECONDS);
        scheduler = s;
    }

    public void stop() {
        ScheduledExecutorService s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdown();
        }
    }

    void beat() {
        try {
            cluster.heartbeat(signals.ownedIds().size());
            lifecycle.stopsFor(signals.runningIds()).forEach(signals::stop);
            if (lifecycle.reclaimFromLostNodes() > 0) {
                LOG.info("renders of a lost node were taken back");
            }
            dispatcher.dispatch();
            if (failing) {
                failing = false;
                LOG.info("heartbeat: the database answers again");
            }
        } catch (RuntimeException e) {
            // Said once per outage; the lease runs out if it lasts, and the other nodes take the renders back.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "heartbeat failed; retrying every " + settings.clusterHeartbeat(), e);
            }
        }
    }

    void watch() {
        try {
            lifecycle.failOrphans(signals.ownedIds());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "watchdog failed; it runs again in " + settings.watchdogInterval(), e);
        }
    }
}
