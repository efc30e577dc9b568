package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.reelforge.infrastructure.persistence.SchemaMigrations;

/**
 * An embedded Derby database holding the appliance's schema and nothing else, made once per test run by the
 * appliance's own migrations ({@link SchemaMigrations#update}, the change sets an appliance runs at its first start)
 * and copied into a new appliance's data folder before its first start. That start then has nothing to migrate
 * (Liquibase only checks the change sets, well under a second) instead of building the schema, about 4 s of CPU a
 * start on the 2-core machine, paid by some thirty starts of the black-box suite. It still seeds everything else
 * itself: the plans, the first admin and its one-time password, the demo account and its keys, its own signing keys.
 * BootIT's probed appliance (make run's first start) and the AOT cache's training appliance start on a new database
 * ({@link Appliance#newDatabase}), as do the appliances on PostgreSQL.
 */
final class SchemaTemplate {

    private static Path template;

    private SchemaTemplate() {
    }

    /** Copies the template into {@code dataDir/db}, the folder the appliance opens (it must not exist yet). */
    static void copyInto(Path dataDir) throws Exception {
        Trees.copy(get(), dataDir.resolve("db"));
    }

    private static synchronized Path get() throws IOException, SQLException {
        if (template == null) {
            Path work = Path.of(System.getProperty("reelforge.it.workdir", "target/it"));
            Path db = Files.createDirectories(work.resolve("schema-template-" + System.currentTimeMillis())).resolve("db");
            String url = "jdbc:derby:" + db.toAbsolutePath();
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url + ";create=true")) {
                SchemaMigrations.update(c);
            }
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby answers a clean shutdown of one database with an exception (08006); copied after it, the
                // folder is a consistent database
                assertEquals("08006", expected.getSQLState(), expected.getMessage());
            }
            System.err.printf("[it] schema template made by the migrations in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, db);
            template = db;
        }
        return template;
    }
}
