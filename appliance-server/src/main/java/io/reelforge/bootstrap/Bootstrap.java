package io.reelforge.bootstrap;

import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;

import io.reelforge.application.Cluster;
import io.reelforge.application.Dispatcher;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderSignals;
import io.reelforge.application.console.UpstreamAdmin;
import io.reelforge.application.ops.Drain;
import io.reelforge.application.ops.JobCounts;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.application.ops.StartupGate;
import io.reelforge.infrastructure.config.SettingOverrides;
import io.reelforge.infrastructure.config.FatalStart;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.config.NodeIdentity;
import io.reelforge.infrastructure.jobs.JobScheduler;
import io.reelforge.infrastructure.jobs.NodeTasks;
import io.reelforge.infrastructure.logging.LogSetup;
import io.reelforge.infrastructure.persistence.DatabaseTarget;
import io.reelforge.infrastructure.security.OpsToken;

/**
 * Brings the appliance up in order (once the schema is migrated: log format, seed data, the CLI's maintenance
 * token, join the cluster, recover this node's interrupted renders, start the job runner and the node's own
 * tasks, fill the render slots, take over SIGTERM to drain) and down in reverse (stop running renders and hand
 * them back to the queue, leave the cluster, stop the job runner, shut an embedded Derby down so the next start
 * needs no recovery).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    Seeder seeder;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    RenderSignals signals;

    @Inject
    JobScheduler jobs;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Settings settings;

    @Inject
    SettingOverrides overrides;

    @Inject
    Drain drain;

    @Inject
    UpstreamAdmin upstreams;

    @Inject
    OpsMetrics metrics;

    @Inject
    JobCounts jobCounts;

    @Inject
    OpsToken opsToken;

    @Inject
    StartupGate gate;

    @Inject
    io.reelforge.infrastructure.storage.OutputStore store;

    @Inject
    Cluster cluster;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    NodeTasks nodeTasks;

    private LogSetup logs;
    private DrainOnTerm drainOnTerm;

    @PostConstruct
    void start() {
        try {
            logs = LogSetup.install(settings.logFormat());
            seeder.seedReferenceData();
            overrides.load();
            upstreams.publish();
            opsToken.issue();
            Optional<Seeder.DemoKeys> demo = seeder.seedDemoAccount();
            Optional<String> adminPassword = seeder.seedFirstAdmin();
            cluster.join(0);
            LOG.info(() -> "node " + cluster.nodeId() + " (version " + NodeIdentity.version() + ") joined the cluster; lease "
                    + settings.clusterLease().toSeconds() + " s");
            HandBackNote note = handBacks();
            int recovered = lifecycle.recoverInterrupted(note.read());
            note.delete();
            if (recovered > 0) {
                LOG.warning(recovered + " render(s) were interrupted by the last stop; requeued or refunded");
            }
            noteHandBacksOnExit();
            // No render runs here yet; another node's render may be writing to the shared root.
            int partials = store.deleteAbandonedPartials(java.time.Duration.ZERO, lifecycle::renderingElsewhere);
            if (partials > 0) {
                LOG.info(partials + " partial file(s) left by an earlier crash were deleted");
            }
            jobs.start();
            nodeTasks.start();
            metrics.watchJobs(jobCounts::byStatus);
            drainOnTerm = DrainOnTerm.install(drain, signals.ownedView(), settings.shutdownDrainTimeout(), this::handBackOnManagedThread);
            dispatcher.dispatchSoon();
            demo.ifPresent(this::printFirstStart);
            adminPassword.ifPresent(this::printFirstAdmin);
            gate.started("Reelforge is ready at " + baseUrl());
        } catch (Exception e) {
            // A failed deploy gets no @PreDestroy: give the server its log handlers back now.
            if (logs != null) {
                logs.uninstall();
            }
            throw FatalStart.exit("start-up", e);
        }
    }

    /**
     * Stops renders between frames so the job runner can stop. Noting them for the next start is the
     * shutdown hook's job (see {@link #noteHandBacksOnExit}): by now the application's data sources, and in
     * some orders its CDI contexts, are already gone.
     */
    @PreDestroy
    void stop() {
        nodeTasks.stop();
        stopRenders();
        jobs.shutdown();
        DatabaseTarget database = DatabaseTarget.configured();
        if (database.embedded()) {
            shutdownDerby(database.derbyPath());
        }
        if (drainOnTerm != null) {
            drainOnTerm.uninstall();
        }
        logs.uninstall();
    }

    private void stopRenders() {
        Set<String> running = signals.runningIds();
        signals.stopAll(RenderSignals.SHUTDOWN);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Collections.disjoint(signals.runningIds(), running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /**
     * The drain runs on a thread outside the container: the hand-back (transactions, the database) runs on a
     * container-managed thread, as the job runner's do, and the drain waits for it.
     */
    private void handBackOnManagedThread() {
        Thread t = threads.newThread(this::handBack);
        t.start();
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a SIGTERM's drain, while the application still runs: stops what still renders and puts this node's
     * jobs back in the queue (attempts not spent) for the other nodes, and leaves the cluster. Should the database
     * not answer, the note below and the lease do it instead.
     */
    private void handBack() {
        nodeTasks.stop();
        stopRenders();
        try {
            int n = lifecycle.handBackAll();
            if (n > 0) {
                LOG.info(n + " render(s) handed back to the queue");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "renders not handed back now; the next start (or the lease) does it", e);
        }
    }

    /**
     * On SIGTERM, before the server stops anything, notes the renders this process owns; the next start puts
     * them back in the queue without counting the attempt. A crash (SIGKILL) leaves no note, so there the
     * attempt counts.
     */
    private void noteHandBacksOnExit() {
        HandBackNote note = handBacks();
        Supplier<Set<String>> owned = signals.ownedView();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> note.write(owned.get()), "reelforge-hand-back-note"));
    }

    private HandBackNote handBacks() {
        return new HandBackNote(settings.dataDir().resolve("handed-back.txt"));
    }

    private void shutdownDerby(java.nio.file.Path db) {
        try {
            new org.apache.derby.iapi.jdbc.AutoloadedDriver().connect("jdbc:derby:" + db + ";shutdown=true", new Properties());
        } catch (SQLException e) {
            // 08006 is Derby's "database shut down" and means success.
            if ("08006".equals(e.getSQLState())) {
                LOG.info("Derby shut down cleanly");
            } else {
                LOG.log(Level.WARNING, "Derby did not shut down cleanly", e);
            }
        }
    }

    private String baseUrl() {
        return settings.publicUrl().orElse("http://localhost:8080");
    }

    /** Like the demo keys: the first admin's password exists in clear only here, once, on the console. */
    @SuppressWarnings("java:S106")
    private void printFirstAdmin(String password) {
        String banner = String.join("\n",
                "",
                "==================================================================================",
                " Reelforge admin console: the first admin was created (shown once, change it at first login)",
                "   console URL  : " + baseUrl() + "/admin",
                "   user         : " + settings.consoleAdminUser(),
                "   password     : " + password,
                "==================================================================================",
                "");
        System.out.println(banner);
        System.out.flush();
    }

    /**
     * The demo keys exist in clear only here, once, on the console of the first start (not in the log file),
     * so a fresh appliance can be tried with one curl line.
     */
    @SuppressWarnings("java:S106")
    private void printFirstStart(Seeder.DemoKeys demo) {
        String base = baseUrl();
        String banner = String.join("\n",
                "",
                "==================================================================================",
                " Reelforge first start: a demo account was created (shown once, keep the keys)",
                "   API base URL : " + base + "/v1",
                "   live API key : " + demo.liveKey(),
                "   test API key : " + demo.testKey() + "   (sandbox engine, never charged)",
                "",
                " Try it:",
                "   curl -X POST " + base + "/v1/video/generate \\",
                "     -H \"Authorization: Bearer " + demo.liveKey() + "\" \\",
                "     -H \"Content-Type: application/json\" \\",
                "     -d '{\"prompt\": \"A cinematic drone shot gliding over a misty mountain valley at dawn\", "
                        + "\"resolution\": \"1080p\", \"duration\": 5}'",
                "   curl " + base + "/v1/video/<generation_id> -H \"Authorization: Bearer " + demo.liveKey() + "\"",
                "==================================================================================",
                "");
        System.out.println(banner);
        System.out.flush();
    }
}
