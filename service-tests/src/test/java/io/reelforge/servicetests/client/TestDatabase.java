package io.reelforge.servicetests.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before Arquillian reads {@code arquillian.xml}: a fresh data folder, and for the PostgreSQL run a fresh database on
 * the server named by {@code service-tests.postgresql.url} (created from its {@code test} database, dropped at the end),
 * handed to the Payara Micro JVM as {@code service-tests.jvm-options}. No server is a failure, never a skip.
 */
public class TestDatabase implements LauncherSessionListener {

    private String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("service-tests.jvm-options") != null || System.getProperty("service-tests.database") == null) {
            return;
        }
        String run = System.getProperty("service-tests.database");
        try {
            Path work = Path.of(System.getProperty("service-tests.work", "target/service-tests"));
            Files.createDirectories(work);
            Path data = Files.createTempDirectory(work, run + "-");
            List<String> options = new ArrayList<>(List.of(
                    "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                    "-Dreelforge.data-dir=" + data,
                    // never an installed /etc/reelforge/reelforge.properties
                    "-Dreelforge.config-file=/dev/null",
                    "-Dderby.stream.error.file=" + data.resolve("derby.log"),
                    "-Dorg.bytedeco.javacpp.cachedir=" + work.resolve("javacpp-cache"),
                    // as the appliance's own launcher sets it (ApplianceMain): no report to Hazelcast's phone home
                    "-Dhazelcast.phone.home.enabled=false"));
            if (Runtime.version().feature() >= 23) {
                options.add("--sun-misc-unsafe-memory-access=allow"); // as the launchers: Hazelcast's Unsafe reads, no warning
            }
            if (!Boolean.getBoolean("reelforge.it.full-jit")) {
                options.add("-XX:TieredStopAtLevel=1"); // a short-lived server: C2's start-up compiles cost more than they save (Appliance)
            }
            if (!Boolean.getBoolean("reelforge.it.launcher-gc")) {
                options.add("-XX:+UseSerialGC"); // as the black-box tests' appliances: no G1 threads for a server of a minute (Appliance)
            }
            if ("postgresql".equals(run)) {
                database = "reelforge_svc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                execute("CREATE DATABASE " + database);
                options.add("-Dreelforge.db.url=" + serverUrl().replaceFirst("/[^/]*$", "/" + database));
                options.add("-Dreelforge.db.user=" + System.getProperty("service-tests.postgresql.user", "postgres"));
            } else if (!"derby".equals(run)) {
                throw new IllegalArgumentException("service-tests.database is derby or postgresql, not " + run);
            }
            System.setProperty("service-tests.jvm-options", String.join(" ", options));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("no " + run + " database for the service tests: " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            try {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.getLogger(TestDatabase.class.getName()).log(System.Logger.Level.WARNING,
                        "database " + database + " not dropped: " + e.getMessage());
            }
        }
    }

    private static String serverUrl() {
        return System.getProperty("service-tests.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), System.getProperty("service-tests.postgresql.user", "postgres"), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
