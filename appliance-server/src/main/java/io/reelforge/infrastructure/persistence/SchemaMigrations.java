package io.reelforge.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import io.reelforge.infrastructure.config.NodeIdentity;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings the schema up to date from the Liquibase changelogs under {@code db/changelog} at start-up, before
 * anything uses JPA (the Bootstrap depends on this bean); EclipseLink generates no DDL. A failed migration stops
 * the deployment, so the appliance never runs on a schema it does not expect. A start whose changelog is the one
 * the database's last complete migration ran does not start Liquibase at all ({@link SchemaStamp}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    public static final String MASTER_CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = DataSources.NON_TX)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        DatabaseTarget target = DatabaseTarget.configured();
        LOG.info(() -> "database: " + target);
        if (target.embedded()) {
            try {
                DataFolderLock.take(target.derbyPath());
            } catch (IllegalStateException e) {
                throw io.reelforge.infrastructure.config.FatalStart.exit("data folder in use", e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            String changelog = SchemaStamp.ofChangelog(SchemaMigrations.class.getClassLoader(), MASTER_CHANGELOG);
            if (SchemaStamp.recorded(c).filter(changelog::equals).isPresent()) {
                LOG.info("schema is up to date (the changelog is the one the last migration completed)");
            } else {
                int applied = update(c);
                SchemaStamp.record(c, changelog, NodeIdentity.version());
                LOG.info(() -> applied == 0 ? "schema is up to date" : "schema migrated: " + applied + " change set(s) run or adopted");
            }
        } catch (SQLException | RuntimeException e) {
            throw io.reelforge.infrastructure.config.FatalStart.exit("schema migration", e);
        }
        try (Connection c = dataSource.getConnection()) {
            SchemaLevel.check(c, NodeIdentity.SCHEMA_LEVEL, NodeIdentity.version());
        } catch (SQLException | RuntimeException e) {
            throw io.reelforge.infrastructure.config.FatalStart.exit("schema version", e);
        }
    }

    /** Applies the change sets this database has not run yet (Liquibase commits each); returns how many. */
    public static int update(Connection connection) {
        // No usage data leaves the appliance, and Liquibase's messages go to the log rather than stdout.
        ClassLoader app = SchemaMigrations.class.getClassLoader();
        Map<String, Object> scope = Map.of(
                "liquibase.analytics.enabled", Boolean.FALSE,
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.classLoader.name(), app,
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(app));
        AtomicInteger applied = new AtomicInteger();
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            Scope.child(scope, () -> {
                Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                Liquibase liquibase = new Liquibase(MASTER_CHANGELOG, Scope.getCurrentScope().getResourceAccessor(), db);
                if (db instanceof DerbyDatabase) {
                    // Embedded Derby admits one process, so a lock still held is a crash's leftover, not a peer's.
                    liquibase.forceReleaseLocks();
                }
                applied.set(liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size());
                liquibase.update(new Contexts(), new LabelExpression());
            });
            // Liquibase turns auto-commit off and commits its own work; hand the connection back as it came.
            connection.setAutoCommit(autoCommit);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return applied.get();
    }
}
