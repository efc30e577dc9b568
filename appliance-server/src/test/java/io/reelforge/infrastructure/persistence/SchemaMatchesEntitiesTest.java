package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.junit.jupiter.api.Test;

/**
 * The guard between the entities and the changelogs: the schema Liquibase builds must be the schema EclipseLink
 * would generate from the entities (tables, columns, types, nullability, keys, indexes), on Derby and on PostgreSQL
 * (127.0.0.1:5432 by default; without a server the PostgreSQL test fails, it never skips). A field added without a
 * change set fails here, naming its column.
 */
class SchemaMatchesEntitiesTest {

    /**
     * Guards only the changelogs can make: a ledger entry and a job name their account by id (a plain column, so that
     * the domain packages do not depend on each other), and JPA declares a foreign key only on a relationship. On
     * Derby each such key brings its backing index. Anything else a change set makes and no entity declares still fails.
     */
    static final Set<String> DATABASE_ONLY = Set.of(
            "RF_LEDGER FOREIGN KEY(ACCOUNTID) -> RF_ACCOUNT(ID)", "RF_LEDGER INDEX(ACCOUNTID)",
            "RF_GENERATION FOREIGN KEY(ACCOUNTID) -> RF_ACCOUNT(ID)", "RF_GENERATION INDEX(ACCOUNTID)");

    @Test
    void changelogsBuildWhatTheEntitiesMapOnDerby() throws Exception {
        try (TestDatabase migrated = TestDatabase.derby(); TestDatabase generated = TestDatabase.derby()) {
            assertSameSchema(migrated, generated);
        }
    }

    @Test
    void changelogsBuildWhatTheEntitiesMapOnPostgresql() throws Exception {
        try (TestDatabase migrated = TestDatabase.postgresql(); TestDatabase generated = TestDatabase.postgresql()) {
            assertSameSchema(migrated, generated);
        }
    }

    /** A data folder from before migrations: EclipseLink made its tables, and there is no DATABASECHANGELOG. */
    @Test
    void aSchemaEclipseLinkMadeIsAdoptedWithoutChange() throws Exception {
        try (TestDatabase old = TestDatabase.derby(); TestDatabase fresh = TestDatabase.derby()) {
            generateFromEntities(old);
            try (Connection c = old.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO RF_PLAN (ID, NAME, CREDITSPERPERIOD, SIGNUPBONUSCREDITS, VIDEOALLOWED,"
                        + " CREDITSPERCLIP, PRICECENTSPERPERIOD, VERSION) VALUES ('starter', 'Starter', 10000, 0, 1, 90, 1000, 1)");
            }
            try (Connection c = old.connect()) {
                assertTrue(SchemaMigrations.update(c) > 0);
            }
            try (Connection c = old.connect(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM RF_PLAN")) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "existing rows are kept");
                }
                try (ResultSet rs = st.executeQuery("SELECT ID, EXECTYPE FROM DATABASECHANGELOG WHERE ID LIKE '0001-rf-%'")) {
                    int n = 0;
                    while (rs.next()) {
                        assertEquals("MARK_RAN", rs.getString(2), rs.getString(1) + " adopted the existing table");
                        n++;
                    }
                    assertEquals(8, n, "one baseline change set per entity table");
                }
                assertEquals(0, SchemaMigrations.update(c), "nothing is left to apply on the next start");
            }
            try (Connection c = fresh.connect()) {
                SchemaMigrations.update(c);
            }
            assertEquals(Schema.of(fresh, false), Schema.of(old, false), "an adopted schema is a migrated one");
        }
    }

    @Test
    void aSecondStartAppliesNothing() throws Exception {
        try (TestDatabase db = TestDatabase.derby(); Connection c = db.connect()) {
            assertTrue(SchemaMigrations.update(c) > 0);
            assertEquals(0, SchemaMigrations.update(c));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM QRTZ_LOCKS")) {
                assertTrue(rs.next(), "Quartz's tables come with the migrations");
            }
        }
    }

    @Test
    void accountNamesAreUniqueWhateverTheirCaseOnDerby() throws Exception {
        try (TestDatabase db = TestDatabase.derby()) {
            assertAccountNamesUnique(db);
        }
    }

    @Test
    void accountNamesAreUniqueWhateverTheirCaseOnPostgresql() throws Exception {
        try (TestDatabase db = TestDatabase.postgresql()) {
            assertAccountNamesUnique(db);
        }
    }

    /**
     * A database from before 0008 with one name taken twice (in two cases): the change set keeps the oldest
     * account's name, tells the other apart by its id, and from then on the database itself refuses a second
     * account of a name, whatever the application checked.
     */
    private static void assertAccountNamesUnique(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            SchemaMigrations.update(c);
            st.execute("ALTER TABLE RF_ACCOUNT DROP CONSTRAINT RF_ACCOUNT_NAMEKEY");
            st.execute("ALTER TABLE RF_ACCOUNT DROP COLUMN NAMEKEY");
            st.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '0008-account-name-key'");
            st.execute(account("a0000000-0000-0000-0000-000000000001", "Acme", "2026-01-01 00:00:00", null));
            st.execute(account("b0000000-0000-0000-0000-000000000002", "ACME", "2026-02-01 00:00:00", null));
            st.execute(account("c0000000-0000-0000-0000-000000000003", "Other", "2026-03-01 00:00:00", null));
            assertEquals(1, SchemaMigrations.update(c));
            Map<String, String> names = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT ID, NAME, NAMEKEY FROM RF_ACCOUNT")) {
                while (rs.next()) {
                    names.put(rs.getString(1).substring(0, 1), rs.getString(2) + "|" + rs.getString(3));
                }
            }
            assertEquals("Acme|acme", names.get("a"), "the oldest keeps its name");
            assertEquals("ACME (b0000000)|acme (b0000000)", names.get("b"), "the other is told apart by its id");
            assertEquals("Other|other", names.get("c"));
            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute(account("d0000000-0000-0000-0000-000000000004", "OTHER", "2026-04-01 00:00:00", "other")));
            assertTrue(refused.getMessage().toUpperCase(Locale.ROOT).contains("RF_ACCOUNT_NAMEKEY"), refused.getMessage());
        }
    }

    private static String account(String id, String name, String createdAt, String nameKey) {
        return "INSERT INTO RF_ACCOUNT (ID, CREATEDAT, MAXCONCURRENTJOBS, NAME, STATUS, VERSION"
                + (nameKey == null ? "" : ", NAMEKEY") + ") VALUES ('" + id + "', {ts '" + createdAt + "'}, 5, '"
                + name + "', 'ACTIVE', 1" + (nameKey == null ? "" : ", '" + nameKey + "'") + ")";
    }

    private static void assertSameSchema(TestDatabase migrated, TestDatabase generated) throws SQLException {
        try (Connection c = migrated.connect()) {
            SchemaMigrations.update(c);
        }
        generateFromEntities(generated);
        List<String> problems = Schema.of(migrated, true).differencesFrom(Schema.of(generated, true));
        assertTrue(problems.isEmpty(), "the changelogs (db/changelog) and the entities disagree on "
                + migrated.kind + "; add a change set (docs/database.md):\n  " + String.join("\n  ", problems));
    }

    private static void generateFromEntities(TestDatabase db) {
        Map<String, Object> p = db.persistenceUnit("schema-guard-" + db.name);
        p.put("jakarta.persistence.schema-generation.database.action", "create");
        p.put("eclipselink.ddl-generation", "create-tables");
        Persistence.generateSchema("reelforge", p);
    }

    /**
     * The tables of one database as comparable lines: {@code TABLE.COLUMN -> TYPE NULL} and per table its
     * primary key, unique and plain indexes and foreign keys by columns (their names differ and do not matter).
     * Liquibase's own tables, Quartz's and the schema stamp (0019) are left out: the entities map none of them.
     */
    record Schema(Map<String, String> columns, Map<String, List<String>> keys) {

        static Schema of(TestDatabase db, boolean entityTablesOnly) throws SQLException {
            Map<String, String> columns = new java.util.TreeMap<>();
            Map<String, List<String>> keys = new java.util.TreeMap<>();
            try (Connection c = db.connect()) {
                var meta = c.getMetaData();
                String schema = c.getSchema();
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                    while (rs.next()) {
                        String t = rs.getString("TABLE_NAME");
                        String upper = t.toUpperCase(Locale.ROOT);
                        if (!entityTablesOnly || !(upper.startsWith("DATABASECHANGELOG") || upper.startsWith("QRTZ_") || upper.equals("RF_SCHEMA_STAMP"))) {
                            tables.add(t);
                        }
                    }
                }
                for (String t : tables) {
                    String table = t.toUpperCase(Locale.ROOT);
                    try (ResultSet rs = meta.getColumns(null, schema, t, "%")) {
                        while (rs.next()) {
                            String type = rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                            if (type.contains("CHAR")) {
                                type += "(" + rs.getInt("COLUMN_SIZE") + ")";
                            }
                            boolean nullable = rs.getInt("NULLABLE") != java.sql.DatabaseMetaData.columnNoNulls;
                            columns.put(table + "." + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT),
                                    type + (nullable ? "" : " NOT NULL"));
                        }
                    }
                    List<String> k = new ArrayList<>();
                    k.add("PRIMARY KEY(" + joined(meta.getPrimaryKeys(null, schema, t), "COLUMN_NAME", "KEY_SEQ") + ")");
                    Map<String, Map<Integer, String>> indexes = new HashMap<>();
                    Map<String, Boolean> unique = new HashMap<>();
                    try (ResultSet rs = meta.getIndexInfo(null, schema, t, false, false)) {
                        while (rs.next()) {
                            String name = rs.getString("INDEX_NAME");
                            if (name != null) {
                                indexes.computeIfAbsent(name, x -> new java.util.TreeMap<>())
                                        .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                            }
                        }
                    }
                    indexes.forEach((name, cols) -> k.add((unique.get(name) ? "UNIQUE(" : "INDEX(") + String.join(", ", cols.values()) + ")"));
                    try (ResultSet rs = meta.getImportedKeys(null, schema, t)) {
                        while (rs.next()) {
                            k.add("FOREIGN KEY(" + rs.getString("FKCOLUMN_NAME").toUpperCase(Locale.ROOT) + ") -> "
                                    + rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT)
                                    + "(" + rs.getString("PKCOLUMN_NAME").toUpperCase(Locale.ROOT) + ")");
                        }
                    }
                    k.sort(null);
                    keys.put(table, k);
                }
            }
            return new Schema(columns, keys);
        }

        private static String joined(ResultSet rs, String column, String order) throws SQLException {
            Map<Integer, String> parts = new java.util.TreeMap<>();
            try (rs) {
                while (rs.next()) {
                    parts.put((int) rs.getShort(order), rs.getString(column).toUpperCase(Locale.ROOT));
                }
            }
            return String.join(", ", parts.values());
        }

        /** What {@code entities} (EclipseLink's DDL) has that this schema (the changelogs') lacks or has otherwise. */
        List<String> differencesFrom(Schema entities) {
            List<String> out = new ArrayList<>();
            entities.columns.forEach((col, type) -> {
                String mine = columns.get(col);
                if (mine == null) {
                    out.add(col + " " + type + ": mapped by an entity, created by no change set");
                } else if (!mine.equals(type)) {
                    out.add(col + ": the entity maps " + type + ", the change sets make " + mine);
                }
            });
            columns.keySet().stream().filter(col -> !entities.columns.containsKey(col))
                    .forEach(col -> out.add(col + ": created by a change set, mapped by no entity (drop it in a change set)"));
            entities.keys.forEach((table, k) -> {
                List<String> mine = keys.getOrDefault(table, List.of());
                k.stream().filter(x -> !mine.contains(x)).forEach(x -> out.add(table + " " + x + ": the entity declares it, no change set makes it"));
                mine.stream().filter(x -> !k.contains(x) && !DATABASE_ONLY.contains(table + " " + x))
                        .forEach(x -> out.add(table + " " + x + ": a change set makes it, no entity declares it"));
            });
            return out;
        }
    }

    /** A fresh, empty database: in-memory Derby, or a database created on the test PostgreSQL and dropped after. */
    static final class TestDatabase implements AutoCloseable {

        /** The server the tests and CI run beside; override with -Dreelforge.test.postgresql.url. */
        static final String PG_ADMIN_URL = System.getProperty("reelforge.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        static final String PG_USER = System.getProperty("reelforge.test.postgresql.user", "postgres");

        final String kind;
        final String url;
        final String user;
        private final String name;

        private TestDatabase(String kind, String url, String user, String name) {
            this.kind = kind;
            this.url = url;
            this.user = user;
            this.name = name;
        }

        /** Work on an EntityManager of the appliance's persistence unit. */
        interface Work {
            void on(EntityManager em) throws Exception;
        }

        /**
         * A fresh database of that kind ({@code derby} or {@code postgresql}) made by the changelogs, {@code work} run
         * on an EntityManager of the appliance's persistence unit over it; everything closed and dropped after.
         */
        static void withEntityManager(String kind, String session, Work work) throws Exception {
            try (TestDatabase db = kind.equals("derby") ? derby() : postgresql()) {
                try (Connection c = db.connect()) {
                    SchemaMigrations.update(c);
                }
                EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit(session + "-" + kind));
                EntityManager em = factory.createEntityManager();
                try {
                    work.on(em);
                } finally {
                    em.close();
                    factory.close();
                }
            }
        }

        static TestDatabase derby() {
            String name = "rf-schema-" + UUID.randomUUID();
            return new TestDatabase("Derby", "jdbc:derby:memory:" + name + ";create=true", "app", name);
        }

        static TestDatabase postgresql() throws SQLException {
            String name = "rf_schema_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                // Never a skip: a build that could not compare the schemas on PostgreSQL must not pass as one that did.
                throw new AssertionError("this test needs a PostgreSQL server that user " + PG_USER + " reaches without a"
                        + " password (by default 127.0.0.1:5432, database test, trust authentication, as on the CI machine;"
                        + " scripts/test-deps.sh checks for it; another: -Dreelforge.test.postgresql.url=..."
                        + " -Dreelforge.test.postgresql.user=...); " + PG_ADMIN_URL + ": " + e.getMessage(), e);
            }
            String url = PG_ADMIN_URL.substring(0, PG_ADMIN_URL.lastIndexOf('/') + 1) + name;
            return new TestDatabase("PostgreSQL", url, PG_USER, name);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        /** The appliance's persistence unit on this database, outside a container (no JTA, no data source). */
        Map<String, Object> persistenceUnit(String session) {
            Map<String, Object> p = new HashMap<>();
            p.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            p.put("jakarta.persistence.jtaDataSource", "");
            p.put("jakarta.persistence.jdbc.url", url);
            p.put("jakarta.persistence.jdbc.user", user);
            p.put("jakarta.persistence.jdbc.password", "");
            p.put("eclipselink.target-server", "None");
            p.put("eclipselink.logging.level", "WARNING");
            p.put("eclipselink.session-name", session);
            return p;
        }

        @Override
        public void close() throws SQLException {
            if (kind.equals("Derby")) {
                try {
                    DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true");
                } catch (SQLException e) {
                    // 08006: dropped
                }
                return;
            }
            try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, PG_USER, ""); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
