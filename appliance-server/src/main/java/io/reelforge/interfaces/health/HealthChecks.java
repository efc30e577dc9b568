package io.reelforge.interfaces.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.reelforge.application.Cluster;
import io.reelforge.application.ops.Drain;
import io.reelforge.application.ops.StartupGate;
import io.reelforge.engine.EngineStatus;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.jobs.JobScheduler;
import io.reelforge.infrastructure.persistence.DataSources;
import io.reelforge.infrastructure.storage.OutputStore;

/** Each check reports what it saw in {@code data}; none names a path, a key or a setting's secret. */
@ApplicationScoped
public class HealthChecks {

    private static final long MIB = 1024L * 1024L;

    @Resource(lookup = DataSources.JTA)
    DataSource database;

    @Inject
    Settings settings;

    @Inject
    OutputStore store;

    @Inject
    EngineRegistry engines;

    @Inject
    JobScheduler jobs;

    @Inject
    Drain drain;

    @Inject
    StartupGate gate;

    @Inject
    Cluster cluster;

    /** Up while the application is deployed and answering: a restart is the cure for nothing else here. */
    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.named("appliance").up()
                .withData("heap_used_mb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / MIB)
                .build();
    }

    @Produces
    @Readiness
    HealthCheck databaseReady() {
        return () -> {
            if (!gate.isOpen()) {
                // Not before start-up has migrated the schema: a probe's thread would open the connection pool
                // while the application deploys (without its class loader) and race the migrations for the data
                // folder.
                return starting("database");
            }
            try (Connection c = database.getConnection()) {
                return HealthCheckResponse.named("database").status(c.isValid(2)).build();
            } catch (SQLException e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getSQLState() + "").build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck storageReady() {
        return () -> {
            if (!gate.isOpen()) {
                return starting("storage");
            }
            OutputStore.Health h = store.health();
            var r = HealthCheckResponse.named("storage").status(h.up()).withData("writable", h.writable())
                    .withData("min_free_mb", h.minFreeMb());
            if (h.freeMb() >= 0) {
                r.withData("free_mb", h.freeMb());
            }
            return (h.up() ? r : r.withData("error", h.problem())).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck engineReady() {
        return () -> {
            if (!gate.isOpen()) {
                return starting("engine");
            }
            String id = settings.defaultEngine();
            try {
                EngineStatus s = engines.engine(id).status();
                return HealthCheckResponse.named("engine").status(s.ready()).withData("engine", id)
                        .withData("device", String.valueOf(s.device())).withData("detail", String.valueOf(s.detail())).build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("engine").down().withData("engine", id)
                        .withData("detail", e.getMessage()).build();
            }
        };
    }

    @Produces
    @Readiness
    HealthCheck schedulerReady() {
        return () -> gate.isOpen() ? HealthCheckResponse.named("scheduler").status(jobs.isRunning()).build() : starting("scheduler");
    }

    /**
     * Up while this node holds its lease in the cluster (one node on the embedded database): it claims jobs, and
     * the others leave its renders alone. Down when its heartbeat has not reached the database for a lease.
     */
    @Produces
    @Readiness
    HealthCheck clusterMember() {
        return () -> {
            if (!gate.isOpen()) {
                return starting("cluster");
            }
            var r = HealthCheckResponse.named("cluster").status(cluster.isMember()).withData("node_id", cluster.nodeId());
            try {
                r.withData("nodes_up", cluster.nodes().stream().filter(n -> "up".equals(n.state())).count());
            } catch (RuntimeException e) {
                r.withData("detail", "the nodes table cannot be read");
            }
            return r.build();
        };
    }

    /** Down, and no setting read, while the application is still starting (see {@link StartupGate}). */
    private static HealthCheckResponse starting(String name) {
        return HealthCheckResponse.named(name).down().withData("detail", "starting").build();
    }

    /** Down from the moment a stop begins, so a load balancer sends new work elsewhere while renders finish. */
    @Produces
    @Readiness
    HealthCheck notDraining() {
        return () -> HealthCheckResponse.named("accepting_jobs").status(!drain.draining()).build();
    }
}
