package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.application.Ledger;
import io.reelforge.application.TestLedger;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.BalanceMismatch;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The balance kept on the account row (0015) on real databases: equal to the sum of the ledger after a mix of
 * grants, debits, refunds and adjustments booked by {@link Ledger}; a movement below the floor refused by the
 * database itself, the audited overdraw let through; the reconciliation naming an account changed around the ledger;
 * the back-fill of a database from before 0015; and the guards on entry signs, job statuses and accounts.
 */
class LedgerBalanceTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ClipRequest CLIP = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theStoredBalanceIsTheLedgersSumAfterEveryKindOfMovement(String kind) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = database(kind)) {
            try (Connection c = db.connect()) {
                SchemaMigrations.update(c);
            }
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit("balance-" + kind));
            EntityManager em = factory.createEntityManager();
            try {
                mix(em, db);
            } finally {
                em.close();
                factory.close();
            }
        }
    }

    private static void mix(EntityManager em, SchemaMatchesEntitiesTest.TestDatabase db) throws SQLException {
        JpaLedgerRepository entries = new JpaLedgerRepository();
        entries.em = em;
        JpaAccountRepository accounts = new JpaAccountRepository();
        accounts.em = em;
        JpaGenerationRepository generations = new JpaGenerationRepository();
        generations.em = em;
        Ledger ledger = TestLedger.on(entries, accounts, Clock.fixed(T, ZoneOffset.UTC));

        em.getTransaction().begin();
        Plan plan = new Plan("balance-test", "Balance test", 1000, 0, true, 90, 100);
        em.persist(plan);
        Account a = new Account("Balance team", plan, 5, T);
        Account b = new Account("Other team", plan, 5, T);
        em.persist(a);
        em.persist(b);
        ledger.grantFirstPeriod(a.id(), plan, 1000, "system");
        ledger.grantFirstPeriod(b.id(), plan, 300, "system");
        Generation g1 = clip(generations, a, 90);
        Generation g2 = clip(generations, a, 90);
        Generation g3 = clip(generations, b, 90);
        ledger.debit(g1, "api-key:rf_live_a");
        ledger.debit(g2, "api-key:rf_live_a");
        ledger.debit(g3, "api-key:rf_live_b");
        ledger.refund(g2, "canceled");
        ledger.refund(g2, "canceled again");
        ledger.debit(clip(generations, a, 0), "api-key:rf_test_a");
        assertEquals(1010, ledger.adjust(a.id(), 100, "goodwill", "console:alice", false));
        assertEquals(0, ledger.adjust(b.id(), -210, "to zero", "console:bob", false));
        em.getTransaction().commit();

        assertEquals(1010, entries.balance(a.id()));
        assertEquals(0, entries.balance(b.id()));
        assertEquals(Map.of(a.id(), 1010L, b.id(), 0L), ledgerSums(db));
        assertEquals(List.of(), entries.unreconciled());

        // Below zero: the application refuses first (409); under it the database refuses any movement that would
        // cross the floor, whatever wrote it.
        em.getTransaction().begin();
        assertEquals("ledger.negative_balance", assertThrows(ReelforgeException.class,
                () -> ledger.adjust(b.id(), -1, "one too many", "console:bob", false)).code());
        Generation tooDear = clip(generations, b, 90);
        PersistenceException floor = assertThrows(PersistenceException.class, () -> ledger.debit(tooDear, "api-key:rf_live_b"));
        assertTrue(messages(floor).toUpperCase(Locale.ROOT).contains("RF_ACCOUNT_BALANCE_FLOOR"), messages(floor));
        em.getTransaction().rollback();
        em.clear();
        assertEquals(0, entries.balance(b.id()), "nothing moved");
        assertEquals(List.of(), entries.unreconciled());

        // The audited overdraw goes below zero, and sets the floor there: an ordinary deduction may not go deeper,
        // a grant brings the balance back and the floor with it.
        em.getTransaction().begin();
        assertEquals(-50, ledger.adjust(b.id(), -50, "agreed overdraft", "console:admin", true));
        em.getTransaction().commit();
        assertEquals(50, overdraft(db, b.id()));
        em.getTransaction().begin();
        assertThrows(PersistenceException.class, () -> entries.append(
                io.reelforge.domain.model.ledger.LedgerEntry.adjustment(b.id(), -1, "around the check", "test", T)));
        em.getTransaction().rollback();
        em.clear();
        em.getTransaction().begin();
        assertEquals(-20, ledger.adjust(b.id(), 30, "paid back in part", "console:admin", false));
        em.getTransaction().commit();
        assertEquals(20, overdraft(db, b.id()), "the floor follows the balance up");
        assertEquals(Map.of(a.id(), 1010L, b.id(), -20L), ledgerSums(db));
        assertEquals(List.of(), entries.unreconciled());

        // A balance changed around the ledger is what the reconciliation reports.
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE RF_ACCOUNT SET BALANCE = BALANCE + 7 WHERE ID = '" + a.id() + "'");
        }
        em.clear();
        assertEquals(List.of(new BalanceMismatch(a.id(), "Balance team", 1017, 1010)), entries.unreconciled());
    }

    /**
     * A database from before 0015 with a ledger, one account overdrawn by an older version: the change sets give
     * each account its ledger's sum, keep the overdrawn depth as its floor, and add the guards.
     */
    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void theMigrationBackFillsBalancesFromTheLedgerAndAddsTheGuards(String kind) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = database(kind); Connection c = db.connect(); Statement st = c.createStatement()) {
            SchemaMigrations.update(c);
            undo0015(st);
            st.execute("INSERT INTO RF_PLAN (ID, NAME, CREDITSPERPERIOD, SIGNUPBONUSCREDITS, VIDEOALLOWED, CREDITSPERCLIP,"
                    + " PRICECENTSPERPERIOD, VERSION) VALUES ('starter', 'Starter', 10000, 0, " + (kind.equals("derby") ? "1" : "TRUE")
                    + ", 90, 1000, 1)");
            st.execute(account("a0000000-0000-0000-0000-000000000001", "Aged"));
            st.execute(account("b0000000-0000-0000-0000-000000000002", "Overdrawn"));
            st.execute(account("c0000000-0000-0000-0000-000000000003", "Empty"));
            st.execute(entry("a0000000", "GRANT", 10000, null));
            for (int i = 0; i < 40; i++) {
                st.execute(entry("a0000000", "DEBIT", -90, "g" + i));
                if (i % 4 == 0) {
                    st.execute(entry("a0000000", "REFUND", 90, "g" + i));
                }
            }
            st.execute(entry("b0000000", "GRANT", 100, null));
            st.execute(entry("b0000000", "ADJUSTMENT", -989_999, null));
            assertEquals(7, SchemaMigrations.update(c), "0015's change sets");

            Map<String, long[]> rows = new java.util.HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT NAME, BALANCE, OVERDRAFT FROM RF_ACCOUNT")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            assertEquals(10000 - 30 * 90, rows.get("Aged")[0]);
            assertEquals(0, rows.get("Aged")[1]);
            assertEquals(-989_899, rows.get("Overdrawn")[0], "kept as the ledger says");
            assertEquals(989_899, rows.get("Overdrawn")[1], "its depth is its floor");
            assertEquals(0, rows.get("Empty")[0]);

            assertRefused(st, "UPDATE RF_ACCOUNT SET BALANCE = -1 WHERE NAME = 'Aged'", "RF_ACCOUNT_BALANCE_FLOOR");
            assertRefused(st, "UPDATE RF_ACCOUNT SET BALANCE = BALANCE - 1 WHERE NAME = 'Overdrawn'", "RF_ACCOUNT_BALANCE_FLOOR");
            assertRefused(st, entry("a0000000", "DEBIT", 90, "g100"), "RF_LEDGER_SIGN");
            assertRefused(st, entry("a0000000", "REFUND", -90, "g101"), "RF_LEDGER_SIGN");
            assertRefused(st, entry("a0000000", "REFUND", 90, null), "RF_LEDGER_SIGN");
            assertRefused(st, entry("a0000000", "GRANT", 0, null), "RF_LEDGER_SIGN");
            assertRefused(st, entry("a0000000", "ADJUSTMENT", 0, null), "RF_LEDGER_SIGN");
            assertRefused(st, entry("a0000000", "BONUS", 5, null), "RF_LEDGER_SIGN");
            assertRefused(st, entry("d0000000", "GRANT", 5, null), "RF_LEDGER_ACCOUNT_ID");
            assertRefused(st, "DELETE FROM RF_ACCOUNT WHERE NAME = 'Aged'", "RF_LEDGER_ACCOUNT_ID");
            st.execute(entry("a0000000", "ADJUSTMENT", -5, null));
            st.execute("INSERT INTO RF_GENERATION (ID, ACCOUNTID, APIKEYID, CREATEDAT, ENGINE, MODE, PROMPT, RESOLUTION, STATUS)"
                    + " VALUES ('gen-1', 'c0000000-0000-0000-0000-000000000003', 'k', {ts '2026-01-01 00:00:00'}, 'sandbox', 'LIVE', 'sea', 'P720', 'QUEUED')");
            assertRefused(st, "UPDATE RF_GENERATION SET STATUS = 'DONE' WHERE ID = 'gen-1'", "RF_GENERATION_STATUS");
            assertRefused(st, "UPDATE RF_GENERATION SET ACCOUNTID = 'nobody' WHERE ID = 'gen-1'", "RF_GENERATION_ACCOUNT_ID");
        }
    }

    /** Rows that break a guard stop the migration with what to look at, and change nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void rowsThatBreakAGuardStopTheMigrationByName(String kind) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = database(kind); Connection c = db.connect(); Statement st = c.createStatement()) {
            SchemaMigrations.update(c);
            undo0015(st);
            st.execute(entry("e0000000", "GRANT", 5, null));
            Exception e = assertThrows(Exception.class, () -> SchemaMigrations.update(c));
            assertTrue(messages(e).contains("RF_LEDGER holds entries of accounts that do not exist"), messages(e));
        }
    }

    private static SchemaMatchesEntitiesTest.TestDatabase database(String kind) throws SQLException {
        return kind.equals("derby") ? SchemaMatchesEntitiesTest.TestDatabase.derby() : SchemaMatchesEntitiesTest.TestDatabase.postgresql();
    }

    /** Back to the schema of 0014: what a data folder of an earlier version has. */
    private static void undo0015(Statement st) throws SQLException {
        st.execute("ALTER TABLE RF_GENERATION DROP CONSTRAINT RF_GENERATION_ACCOUNT_ID");
        st.execute("ALTER TABLE RF_LEDGER DROP CONSTRAINT RF_LEDGER_ACCOUNT_ID");
        st.execute("ALTER TABLE RF_GENERATION DROP CONSTRAINT RF_GENERATION_STATUS");
        st.execute("ALTER TABLE RF_LEDGER DROP CONSTRAINT RF_LEDGER_SIGN");
        st.execute("ALTER TABLE RF_ACCOUNT DROP CONSTRAINT RF_ACCOUNT_BALANCE_FLOOR");
        st.execute("ALTER TABLE RF_ACCOUNT DROP COLUMN OVERDRAFT");
        st.execute("ALTER TABLE RF_ACCOUNT DROP COLUMN BALANCE");
        st.execute("DELETE FROM DATABASECHANGELOG WHERE ID LIKE '0015-%'");
    }

    private static Generation clip(JpaGenerationRepository generations, Account a, long price) {
        Generation g = new Generation(a.id(), "key", KeyMode.LIVE, CLIP, "sandbox", price, 1000, T);
        generations.store(g);
        return g;
    }

    private static Map<String, Long> ledgerSums(SchemaMatchesEntitiesTest.TestDatabase db) throws SQLException {
        Map<String, Long> sums = new java.util.HashMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ACCOUNTID, SUM(AMOUNT) FROM RF_LEDGER GROUP BY ACCOUNTID")) {
            while (rs.next()) {
                sums.put(rs.getString(1), rs.getLong(2));
            }
        }
        return sums;
    }

    private static long overdraft(SchemaMatchesEntitiesTest.TestDatabase db, String accountId) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT OVERDRAFT FROM RF_ACCOUNT WHERE ID = '" + accountId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String account(String id, String name) {
        return "INSERT INTO RF_ACCOUNT (ID, CREATEDAT, MAXCONCURRENTJOBS, NAME, NAMEKEY, STATUS, VERSION, PLAN_ID) VALUES ('"
                + id + "', {ts '2026-01-01 00:00:00'}, 5, '" + name + "', '" + name.toLowerCase(Locale.ROOT) + "', 'ACTIVE', 1, 'starter')";
    }

    private static int entries;

    /** A ledger row of the account whose id starts with {@code prefix} (the ids above repeat it). */
    private static String entry(String prefix, String kind, long amount, String generationId) {
        String account = prefix + "-0000-0000-0000-00000000000" + switch (prefix.charAt(0)) {
            case 'a' -> "1";
            case 'b' -> "2";
            case 'c' -> "3";
            default -> "9";
        };
        return "INSERT INTO RF_LEDGER (ID, ACCOUNTID, ACTOR, AMOUNT, CREATEDAT, GENERATIONID, KIND, REASON) VALUES ('e-"
                + (++entries) + "', '" + account + "', 'test', " + amount + ", {ts '2026-01-01 00:00:00'}, "
                + (generationId == null ? "NULL" : "'" + generationId + "'") + ", '" + kind + "', 'test')";
    }

    private static void assertRefused(Statement st, String sql, String constraint) {
        SQLException e = assertThrows(SQLException.class, () -> st.execute(sql), sql);
        assertTrue(messages(e).toUpperCase(Locale.ROOT).contains(constraint), constraint + " expected: " + messages(e));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            all.append(x.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
