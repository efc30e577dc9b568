package io.reelforge.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the machine's server for one test class (createdb), dropped afterwards. No server,
 * or no createdb, fails the test class: the PostgreSQL tests never skip (see docs/testing.md).
 */
final class ItDatabase {

    static final String HOST = System.getProperty("reelforge.it.postgresql.host", "127.0.0.1");
    static final String USER = System.getProperty("reelforge.it.postgresql.user", "postgres");

    private ItDatabase() {
    }

    /** Creates {@code <prefix><random>} and answers its name; fails, saying what is missing, when it cannot. */
    static String create(String prefix) throws Exception {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Run created = run("createdb", "-h", HOST, "-U", USER, name);
        if (created.status() != 0) {
            throw new AssertionError("this test needs a PostgreSQL server at " + HOST + ":5432 that user " + USER
                    + " may create databases on without a password (trust authentication, as on the CI machine; another: "
                    + "-Dreelforge.it.postgresql.host=... -Dreelforge.it.postgresql.user=...); createdb said: "
                    + created.output().strip());
        }
        return name;
    }

    static void drop(String name) throws Exception {
        if (name != null) {
            run("dropdb", "-h", HOST, "-U", USER, "--if-exists", "--force", name);
        }
    }

    static String url(String name) {
        return "jdbc:postgresql://" + HOST + ":5432/" + name;
    }

    /**
     * One JDBC connection to a test class's database for its queries: a class that polls the database every 100 ms
     * would otherwise start a psql process (and the server a backend) for each poll.
     */
    static final class Sql implements AutoCloseable {

        private final Connection connection;

        Sql(String database) throws SQLException {
            this.connection = DriverManager.getConnection(url(database), USER, "");
        }

        /**
         * The answer as {@code psql -tAc} prints it: a line per row, columns joined by {@code |}, booleans {@code t} or
         * {@code f}, NULL as nothing; an empty string for a statement that answers no rows.
         */
        synchronized String query(String sql) throws SQLException {
            try (Statement st = connection.createStatement()) {
                if (!st.execute(sql)) {
                    return "";
                }
                try (ResultSet r = st.getResultSet()) {
                    ResultSetMetaData meta = r.getMetaData();
                    int columns = meta.getColumnCount();
                    StringBuilder out = new StringBuilder();
                    while (r.next()) {
                        if (out.length() > 0) {
                            out.append('\n');
                        }
                        for (int i = 1; i <= columns; i++) {
                            if (i > 1) {
                                out.append('|');
                            }
                            if (meta.getColumnType(i) == Types.BOOLEAN || meta.getColumnType(i) == Types.BIT) {
                                boolean b = r.getBoolean(i);
                                out.append(r.wasNull() ? "" : b ? "t" : "f");
                            } else {
                                String v = r.getString(i);
                                out.append(v == null ? "" : v);
                            }
                        }
                    }
                    return out.toString().trim();
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private record Run(int status, String output) {
    }

    private static Run run(String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("this test needs PostgreSQL's " + cmd[0] + " (Debian's postgresql-client; "
                    + "scripts/test-deps.sh installs it): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }
}
