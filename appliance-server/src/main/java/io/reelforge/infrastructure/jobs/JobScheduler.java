package io.reelforge.infrastructure.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.DirectSchedulerFactory;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.simpl.SimpleInstanceIdGenerator;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import io.reelforge.application.JobQueue;
import io.reelforge.application.render.RenderGeneration;
import io.reelforge.infrastructure.config.SettingOverrides;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.persistence.DataSources;

/**
 * The Quartz scheduler for the maintenance jobs (retention, webhooks): JDBC JobStore on the appliance database
 * (non-transactional data source, since JobStoreTX commits its own work), jobs built by CDI and run on managed
 * threads. Its tables come with the schema migrations (db/changelog). On PostgreSQL the job store is clustered,
 * so each maintenance run happens on one node. Renders never go through the shared job store: a node renders
 * what it claimed, on its own render threads ({@link #scheduleRender}).
 */
@ApplicationScoped
public class JobScheduler implements JobQueue {

    static final String RENDER_GROUP = "render";
    private static final String SCHEDULER = "reelforge";
    private static final String DS_NAME = "reelforge";
    private static final Logger LOG = Logger.getLogger(JobScheduler.class.getName());

    @Resource(lookup = DataSources.NON_TX)
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    Settings settings;


    @Inject
    CdiJobFactory jobFactory;

    @Inject
    RenderGeneration runner;

    private volatile Scheduler scheduler;
    private volatile ExecutorService renders;

    public void start() throws Exception {
        DBConnectionManager.getInstance().addConnectionProvider(DS_NAME, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        boolean clustered = onPostgresql();
        JobStoreTX store = new JobStoreTX();
        store.setDataSource(DS_NAME);
        store.setTablePrefix("QRTZ_");
        store.setMisfireThreshold(30_000);
        String instanceId = "node";
        if (clustered) {
            // Appliances sharing one PostgreSQL share the job store: each checks in, and a peer's missed
            // maintenance jobs are taken over. The instance id must differ per process, as Quartz's AUTO does.
            store.setDriverDelegateClass(PostgreSQLDelegate.class.getName());
            store.setIsClustered(true);
            instanceId = new SimpleInstanceIdGenerator().generateInstanceId();
        } else {
            store.setDriverDelegateClass(StdJDBCDelegate.class.getName());
        }
        int threads = 4;
        DirectSchedulerFactory.getInstance().createScheduler(SCHEDULER, instanceId, new ManagedThreadPool(threadFactory, threads), store);
        Scheduler s = DirectSchedulerFactory.getInstance().getScheduler(SCHEDULER);
        s.setJobFactory(jobFactory);
        // Render jobs and the watchdog were stored here by earlier versions: renders and the watchdog are each
        // node's own now (render threads, NodeTasks); left, they would fire on any node with no job class to run.
        s.deleteJobs(new java.util.ArrayList<>(s.getJobKeys(GroupMatcher.jobGroupEquals(RENDER_GROUP))));
        s.deleteJob(JobKey.jobKey("WatchdogJob", "maintenance"));
        repeat(s, RetentionJob.class, settings.retentionInterval());
        repeat(s, WebhookJob.class, settings.webhookPollInterval());
        renders = Executors.newCachedThreadPool(threadFactory);
        s.start();
        scheduler = s;
        String mode = clustered ? "clustered as " + instanceId : "on one node";
        LOG.info(() -> "job runner started with " + threads + " threads, " + mode);
    }

    private boolean onPostgresql() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    @Override
    public boolean isRunning() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * Runs the render of a job this node claimed now, on a render thread of this node (one per claimed slot: the
     * claims are bounded by the slots).
     */
    @Override
    public void scheduleRender(String generationId, int attempt) {
        ExecutorService pool = renders;
        if (pool == null) {
            throw new IllegalStateException("the job runner is stopped; the render of " + generationId + " stays claimed");
        }
        pool.execute(() -> runner.run(generationId, attempt));
    }

    public void shutdown() {
        Scheduler s = scheduler;
        scheduler = null;
        ExecutorService pool = renders;
        renders = null;
        if (pool != null) {
            // Renders have been stopped already; their threads end at their next checkpoint.
            pool.shutdown();
        }
        if (s != null) {
            try {
                // Renders have been stopped and handed back; Quartz's own bookkeeping for them would block on
                // a database that is going away, and the next start re-dispatches from the generation rows.
                s.shutdown(false);
            } catch (SchedulerException e) {
                LOG.warning("job runner did not stop cleanly: " + e.getMessage());
            }
        }
    }

    /**
     * A maintenance interval changed at run time (here or on another node): its trigger is replaced, so the new
     * interval applies from now on without a restart. With a clustered job store the trigger is shared, and
     * replacing it again on each node is harmless.
     */
    void onSettingsReloaded(@Observes SettingOverrides.Reloaded changed) {
        Scheduler s = scheduler;
        if (s == null) {
            return;
        }
        try {
            if (changed.names().contains("reelforge.retention.interval")) {
                repeat(s, RetentionJob.class, settings.retentionInterval());
                LOG.info(() -> "retention now runs every " + settings.retentionInterval());
            }
            if (changed.names().contains("reelforge.webhooks.poll-interval")) {
                repeat(s, WebhookJob.class, settings.webhookPollInterval());
                LOG.info(() -> "due webhooks are now looked for every " + settings.webhookPollInterval());
            }
        } catch (SchedulerException e) {
            LOG.log(java.util.logging.Level.WARNING, "could not reschedule a maintenance job; the old interval stays until a restart", e);
        }
    }

    private static void repeat(Scheduler s, Class<? extends org.quartz.Job> type, Duration every) throws SchedulerException {
        JobKey key = JobKey.jobKey(type.getSimpleName(), "maintenance");
        JobDetail job = JobBuilder.newJob(type).withIdentity(key).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().forJob(key).withIdentity(type.getSimpleName(), "maintenance")
                .startAt(new Date(System.currentTimeMillis() + Math.min(every.toMillis(), 5_000)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        s.scheduleJob(job, java.util.Set.of(trigger), true);
    }
}
