package io.reelforge.application.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.console.AuditLog;
import io.reelforge.application.console.ConsoleUserFactory;
import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.persistence.DataSources;
import io.reelforge.infrastructure.persistence.DatabaseTarget;
import io.reelforge.infrastructure.security.OpsContext;

/** The CLI's use cases: online backup, a new console admin, an admin's password reset. */
@ApplicationScoped
public class Maintenance {

    /** A one-time password in clear, to show once to the administrator who asked for it. */
    public record Credentials(String username, String password) {
    }

    public record Backup(String path) {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    @Inject
    OpsContext ops;

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    ConsoleUserFactory factory;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    // Not the JTA one: Derby's backup refuses to run inside a transaction with unlogged work of its own.
    @Resource(lookup = DataSources.NON_TX)
    DataSource database;

    /**
     * {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} while the appliance keeps serving: a consistent copy of the
     * database under {@code <data-dir>/backups/<UTC time>/db}, which a stopped appliance can be restored from.
     */
    public Backup backup() {
        String actor = ops.requireAdministrator();
        if (!DatabaseTarget.configured().embedded()) {
            throw ReelforgeException.conflict("backup.external_database",
                    "The database is a PostgreSQL server: back it up with pg_dump (docs/database.md).");
        }
        Path dir = settings.dataDir().resolve("backups").resolve(STAMP.format(clock.instant())).toAbsolutePath();
        try (Connection c = database.getConnection();
             CallableStatement call = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            Files.createDirectories(dir);
            call.setString(1, dir.toString());
            call.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("the database backup into " + dir + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path copy = dir.resolve(DatabaseTarget.configured().derbyPath().getFileName());
        audit.record(actor, "database:backup", dir.getFileName().toString(), "online backup into " + copy);
        return new Backup(copy.toString());
    }

    /** A new console admin with a one-time password; refused when the name is taken. */
    @Transactional
    public Credentials createAdmin(String username) {
        String actor = ops.requireAdministrator();
        ConsoleUserFactory.Issued issued = factory.create(actor, username, ConsoleRole.ADMIN, false, "(admin, from the host)");
        return new Credentials(username, issued.password());
    }

    /** A one-time password for an existing user, who must replace it at the next login; also lifts a lockout. */
    @Transactional
    public Credentials resetPassword(String username) {
        String actor = ops.requireAdministrator();
        ConsoleUser user = users.byUsername(username == null ? "" : username)
                .orElseThrow(() -> ReelforgeException.notFound("console_user", username));
        return new Credentials(username, factory.resetPassword(actor, user, "(from the host)").password());
    }
}
