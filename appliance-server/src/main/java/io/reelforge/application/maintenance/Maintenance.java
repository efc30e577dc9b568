package io.reelforge.application.maintenance;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.console.AuditLog;
import io.reelforge.application.console.ConsoleUserFactory;
import io.reelforge.application.ops.ApplianceFolders;
import io.reelforge.application.ops.DatabaseBackup;
import io.reelforge.application.ops.HostAdministrator;
import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.domain.shared.ReelforgeException;

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
    HostAdministrator ops;

    @Inject
    ConsoleUserRepository users;

    @Inject
    AuditLog audit;

    @Inject
    ConsoleUserFactory factory;

    @Inject
    ApplianceFolders settings;

    @Inject
    Clock clock;

    @Inject
    DatabaseBackup database;

    /**
     * An online backup while the appliance keeps serving ({@link DatabaseBackup}): a consistent copy of the
     * database under {@code <data-dir>/backups/<UTC time>/db}, which a stopped appliance can be restored from.
     */
    public Backup backup() {
        String actor = ops.requireAdministrator();
        if (!database.supported()) {
            throw ReelforgeException.conflict("backup.external_database",
                    "The database is a PostgreSQL server: back it up with pg_dump (docs/database.md).");
        }
        Path dir = settings.dataDir().resolve("backups").resolve(STAMP.format(clock.instant())).toAbsolutePath();
        Path copy = database.copyInto(dir);
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
