package io.reelforge.infrastructure.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/** Creates Quartz's tables from the script bundled in the Quartz jar when they are missing. */
final class QuartzSchema {

    private QuartzSchema() {
    }

    static void ensure(DataSource ds) throws SQLException, IOException {
        try (Connection c = ds.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (exists(c)) {
                return;
            }
            String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_derby.sql";
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(script)) {
                    st.execute(sql);
                }
            }
            c.commit();
        }
    }

    private static boolean exists(Connection c) throws SQLException {
        for (String name : new String[] {"QRTZ_LOCKS", "qrtz_locks"}) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] statements(String script) throws IOException {
        try (InputStream in = QuartzSchema.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + script)) {
            if (in == null) {
                throw new IOException("Quartz script " + script + " not found on the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.trim().startsWith("--") && !l.trim().startsWith("#"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(text.split(";"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.equalsIgnoreCase("commit"))
                    .toArray(String[]::new);
        }
    }
}
