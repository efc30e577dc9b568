package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleSession;
import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerQuery;

/**
 * The console's usage, ledger, audit and session queries on real databases (Derby and PostgreSQL, built by the
 * Liquibase changelogs): per-day sums grouped by the database, filters, batches through a cursor, names beside ids.
 */
class JpaConsoleUsageTest {

    private static final Instant DAY1 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-21T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void usageLedgerAuditAndSessionQueries(String kind) throws Exception {
        SchemaMatchesEntitiesTest.TestDatabase.withEntityManager(kind, "usage", JpaConsoleUsageTest::checks);
    }

    /** The console's repositories on one EntityManager. */
    record Repositories(JpaLedgerRepository ledger, JpaGenerationRepository generations, JpaAuditRepository audit,
                        JpaConsoleSessionRepository sessions) {

        static Repositories on(EntityManager em) {
            Repositories r = new Repositories(new JpaLedgerRepository(), new JpaGenerationRepository(),
                    new JpaAuditRepository(), new JpaConsoleSessionRepository());
            r.ledger.em = em;
            r.generations.em = em;
            r.audit.em = em;
            r.sessions.em = em;
            return r;
        }
    }

    /** A plan and two accounts on it, "… team" and "Other team", persisted in the transaction under way. */
    static Account[] twoAccounts(EntityManager em, String team, Instant at) {
        Plan plan = new Plan(team.toLowerCase(java.util.Locale.ROOT) + "-test", team + " test", 1000, 0, true, 45, 100);
        em.persist(plan);
        Account a = new Account(team + " team", plan, 2, at);
        Account other = new Account("Other team", plan, 2, at);
        em.persist(a);
        em.persist(other);
        return new Account[] {a, other};
    }

    private static void checks(EntityManager em) {
        Repositories repositories = Repositories.on(em);
        JpaLedgerRepository ledger = repositories.ledger();
        JpaGenerationRepository generations = repositories.generations();
        JpaAuditRepository audit = repositories.audit();
        JpaConsoleSessionRepository sessions = repositories.sessions();

        em.getTransaction().begin();
        Account[] accounts = twoAccounts(em, "Usage", DAY1);
        Account a = accounts[0];
        Account other = accounts[1];
        ConsoleUser alice = new ConsoleUser("alice", "x", ConsoleRole.ADMIN, false, DAY1);
        em.persist(alice);
        ledger.append(LedgerEntry.grant(a.id(), 1000, "first grant", "system", DAY1.plusSeconds(60)));
        ledger.append(LedgerEntry.debit(a.id(), 45, "g1", "api-key:rf_live_a", DAY1.plusSeconds(3600)));
        ledger.append(LedgerEntry.refund(a.id(), 45, "g1", "clip failed", DAY1.plusSeconds(3700)));
        ledger.append(LedgerEntry.debit(a.id(), 45, "g2", "api-key:rf_live_a", DAY1.plusSeconds(7200)));
        ledger.append(LedgerEntry.debit(a.id(), 30, "g3", "api-key:rf_live_a", DAY2.plusSeconds(7200)));
        ledger.append(LedgerEntry.adjustment(a.id(), 50, "50% off, by hand", "console:alice", DAY2.plusSeconds(9000)));
        ledger.append(LedgerEntry.adjustment(a.id(), -5, "500 off", "console:bob", DAY2.plusSeconds(9100)));
        // The other account's credits first: the database refuses a debit below zero (RF_ACCOUNT_BALANCE_FLOOR).
        ledger.append(LedgerEntry.grant(other.id(), 500, "first grant", "system", DAY1.plusSeconds(60)));
        ledger.append(LedgerEntry.debit(other.id(), 99, "g9", "api-key:rf_live_b", DAY1.plusSeconds(3600)));
        ClipRequest r = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
        for (Instant t : List.of(DAY1.plusSeconds(3600), DAY1.plusSeconds(7200), DAY2.plusSeconds(7200))) {
            generations.store(new Generation(a.id(), "key", KeyMode.LIVE, r, "sandbox", 45, 1000, t));
        }
        generations.store(new Generation(other.id(), "key", KeyMode.LIVE, r, "sandbox", 45, 1000, DAY1));
        audit.append(new AuditEntry("console:alice", "keys:create", a.id(), "key", "10.0.0.7", DAY1.plusSeconds(10)));
        audit.append(new AuditEntry("console:alice", "users:unlock", alice.id(), "alice", "10.0.0.7", DAY2.plusSeconds(10)));
        audit.append(new AuditEntry("console:bob", "keys:revoke", "k-123", null, "10.0.0.8", DAY2.plusSeconds(20)));
        audit.append(new AuditEntry("system", "console:first-admin", null, null, DAY1));
        em.getTransaction().commit();

        // Per day, summed by the database: refunds offset debits, grants and adjustments are not spending.
        LocalDate d1 = LocalDate.of(2026, 11, 20);
        LocalDate d2 = d1.plusDays(1);
        assertEquals(Map.of(d1, 45L, d2, 30L), ledger.spentPerDay(a.id(), DAY1));
        assertEquals(Map.of(d2, 30L), ledger.spentPerDay(a.id(), DAY2));
        assertEquals(Map.of(d1, 2L, d2, 1L), generations.clipsPerDay(a.id(), DAY1));

        // Ledger filters: kinds, dates (to exclusive), text in the reason or actor, % taken literally.
        assertEquals(7, ledger.count(new LedgerQuery(a.id(), Set.of(), null, null, null)));
        assertEquals(3, ledger.count(new LedgerQuery(a.id(), Set.of(EntryKind.DEBIT), null, null, null)));
        assertEquals(4, ledger.count(new LedgerQuery(a.id(), Set.of(EntryKind.DEBIT, EntryKind.REFUND), null, null, " ")));
        assertEquals(3, ledger.count(new LedgerQuery(a.id(), Set.of(), DAY2, null, null)));
        assertEquals(4, ledger.count(new LedgerQuery(a.id(), Set.of(), null, DAY2, null)));
        List<LedgerEntry> half = ledger.search(new LedgerQuery(a.id(), Set.of(), null, null, "50%"), 0, 10);
        assertEquals(List.of("50% off, by hand"), half.stream().map(LedgerEntry::reason).toList());
        assertEquals(1, ledger.count(new LedgerQuery(a.id(), Set.of(), null, null, "BOB")));
        assertEquals(List.of(-5L, 50L), ledger.search(new LedgerQuery(a.id(), Set.of(EntryKind.ADJUSTMENT), null, null, null), 0, 10)
                .stream().map(LedgerEntry::amount).toList());

        // Batches through one cursor read every entry once, newest first.
        List<LedgerEntry> all = new ArrayList<>();
        LedgerQuery everything = new LedgerQuery(a.id(), Set.of(), null, null, null);
        em.getTransaction().begin();
        ledger.eachNewestFirst(everything, 3, all::addAll);
        em.getTransaction().commit();
        assertEquals(ledger.search(everything, 0, 100).stream().map(LedgerEntry::id).toList(),
                all.stream().map(LedgerEntry::id).toList());

        // Audit filters and names beside ids.
        assertEquals(4, audit.count(AuditQuery.ALL));
        assertEquals(2, audit.count(new AuditQuery("ALICE", null, null, null)));
        assertEquals(2, audit.count(new AuditQuery(null, "keys:", null, null)));
        assertEquals(1, audit.count(new AuditQuery("alice", "keys:", null, null)));
        assertEquals(2, audit.count(new AuditQuery(null, null, DAY2, null)));
        assertEquals(List.of("keys:revoke", "users:unlock"), audit.page(new AuditQuery(null, null, DAY2, null), 0, 10)
                .stream().map(AuditEntry::action).toList());
        assertEquals("10.0.0.8", audit.page(AuditQuery.ALL, 0, 1).get(0).sourceAddress());
        List<AuditEntry> lines = new ArrayList<>();
        em.getTransaction().begin();
        audit.eachNewestFirst(new AuditQuery(null, null, null, DAY1.plusSeconds(10)), 10, lines::addAll);
        em.getTransaction().commit();
        assertEquals(List.of("console:first-admin"), lines.stream().map(AuditEntry::action).toList());
        assertEquals(Map.of(a.id(), "Usage team", alice.id(), "alice"), audit.namesOf(List.of(a.id(), alice.id(), "k-123")));

        // Sessions: seen while the row exists, not after it was removed; idle rows are dropped.
        em.getTransaction().begin();
        ConsoleSession s1 = new ConsoleSession("alice", "node-a", "10.0.0.7", DAY1);
        ConsoleSession s2 = new ConsoleSession("alice", "node-b", "10.0.0.9", DAY2);
        sessions.store(s1);
        sessions.store(s2);
        em.getTransaction().commit();
        assertEquals(List.of(s2.id(), s1.id()), sessions.ofUser("alice").stream().map(ConsoleSession::id).toList());
        em.getTransaction().begin();
        assertTrue(sessions.seen(s1.id(), DAY2.plusSeconds(60)));
        sessions.remove(s2.id());
        assertFalse(sessions.seen(s2.id(), DAY2.plusSeconds(60)));
        em.getTransaction().commit();
        em.getTransaction().begin();
        assertEquals(0, sessions.removeUnseenSince(DAY2));
        assertEquals(1, sessions.removeUnseenSince(DAY2.plusSeconds(61)));
        em.getTransaction().commit();
        assertTrue(sessions.ofUser("alice").isEmpty());
    }
}
