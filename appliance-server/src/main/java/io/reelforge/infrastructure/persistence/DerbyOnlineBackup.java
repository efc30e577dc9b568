package io.reelforge.infrastructure.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.ops.DatabaseBackup;

/** {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE} on the embedded Derby database, while the appliance keeps serving. */
@ApplicationScoped
public class DerbyOnlineBackup implements DatabaseBackup {

    // Not the JTA one: Derby's backup refuses to run inside a transaction with unlogged work of its own.
    @Resource(lookup = DataSources.NON_TX)
    DataSource database;

    @Override
    public boolean supported() {
        return DatabaseTarget.configured().embedded();
    }

    @Override
    public Path copyInto(Path dir) {
        if (!supported()) {
            throw new IllegalStateException("only an embedded Derby database is copied by the appliance itself");
        }
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
        return dir.resolve(DatabaseTarget.configured().derbyPath().getFileName());
    }
}
