package io.reelforge.infrastructure.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Date;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
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

import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.persistence.DataSources;

/**
 * The Quartz scheduler: JDBC JobStore on the appliance database (non-transactional data source, since
 * JobStoreTX commits its own work), jobs built by CDI and run on managed threads. Its tables come with the
 * schema migrations (db/changelog). On PostgreSQL the job store is clustered.
 */
@ApplicationScoped
public class JobScheduler {

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
    EngineRegistry engines;

    @Inject
    CdiJobFactory jobFactory;

    private volatile Scheduler scheduler;

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
        int threads = engines.renderSlots() + 4;
        DirectSchedulerFactory.getInstance().createScheduler(SCHEDULER, instanceId, new ManagedThreadPool(threadFactory, threads), store);
        Scheduler s = DirectSchedulerFactory.getInstance().getScheduler(SCHEDULER);
        s.setJobFactory(jobFactory);
        // Renders that were scheduled before a crash are re-dispatched from the database state, not replayed.
        s.deleteJobs(new java.util.ArrayList<>(s.getJobKeys(GroupMatcher.jobGroupEquals(RENDER_GROUP))));
        repeat(s, RetentionJob.class, settings.retentionInterval());
        repeat(s, WatchdogJob.class, settings.watchdogInterval());
        repeat(s, WebhookJob.class, settings.webhookPollInterval());
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

    public boolean isRunning() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** Runs the render of one claimed job now, on a free job thread. */
    public void scheduleRender(String generationId, int attempt) {
        JobKey key = JobKey.jobKey(generationId + "#" + attempt, RENDER_GROUP);
        JobDetail job = JobBuilder.newJob(RenderJob.class).withIdentity(key)
                .usingJobData(RenderJob.GENERATION, generationId)
                .usingJobData(RenderJob.ATTEMPT, attempt)
                .build();
        Trigger now = TriggerBuilder.newTrigger().forJob(key).startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, java.util.Set.of(now), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule the render of " + generationId, e);
        }
    }

    public void shutdown() {
        Scheduler s = scheduler;
        scheduler = null;
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
