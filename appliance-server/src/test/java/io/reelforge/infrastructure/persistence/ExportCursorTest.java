package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationListing;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerQuery;

/**
 * The console's CSV exports read their rows through one cursor, a batch at a time ({@code eachNewestFirst} of the
 * generation, ledger and audit repositories), on Derby and PostgreSQL: every row once, none lost or repeated, in the
 * database's own newest-first order (the grid's), with many rows sharing a creation time so that batch boundaries
 * fall inside the ties; a batch's rows let go of once it was handed over (memory holds one batch); a write made
 * before the export in the same transaction (the audit line of an export) still committed.
 */
class ExportCursorTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    /** Rows per creation time, newest time last: ties longer than a batch, shorter, and one alone. */
    private static final int[] TIES = {1, 13, 20, 7, 14, 6};
    private static final int BATCH = 7;

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void everyRowOnceNewestFirstAcrossBatchBoundaries(String kind) throws Exception {
        SchemaMatchesEntitiesTest.TestDatabase.withEntityManager(kind, "export", ExportCursorTest::checks);
    }

    private static void checks(EntityManager em) {
        JpaConsoleUsageTest.Repositories repositories = JpaConsoleUsageTest.Repositories.on(em);
        JpaGenerationRepository generations = repositories.generations();
        JpaLedgerRepository ledger = repositories.ledger();
        JpaAuditRepository audit = repositories.audit();

        em.getTransaction().begin();
        Account[] accounts = JpaConsoleUsageTest.twoAccounts(em, "Export", T0);
        Account a = accounts[0];
        Account other = accounts[1];
        ClipRequest r = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
        Set<String> ofA = new HashSet<>();
        Set<String> all = new HashSet<>();
        Set<String> entries = new HashSet<>();
        Set<String> lines = new HashSet<>();
        for (int t = 0; t < TIES.length; t++) {
            Instant at = T0.plusSeconds(t);
            for (int i = 0; i < TIES[t]; i++) {
                Generation g = new Generation(a.id(), "key", KeyMode.LIVE, r, "sandbox", 45, 1000, at);
                generations.store(g);
                ofA.add(g.id());
                all.add(g.id());
                if (i % 3 == 0) {
                    Generation o = new Generation(other.id(), "key", KeyMode.LIVE, r, "sandbox", 45, 1000, at);
                    generations.store(o);
                    all.add(o.id());
                }
                LedgerEntry e = LedgerEntry.adjustment(a.id(), i + 1, "by hand", "console:alice", at);
                ledger.append(e);
                entries.add(e.id());
                AuditEntry l = new AuditEntry("console:alice", "keys:create", a.id(), "key " + i, at);
                audit.append(l);
                lines.add(l.id());
            }
        }
        em.getTransaction().commit();
        em.clear();

        GenerationQuery everything = GenerationQuery.all();
        assertInOrder(all, generations.search(everything, 0, 1000).stream().map(l -> l.generation().id()).toList(),
                ExportCursorTest.<GenerationListing>read(em, action -> generations.eachNewestFirst(everything, BATCH, action),
                        l -> {
                            assertEquals(l.generation().accountId().equals(a.id()) ? "Export team" : "Other team",
                                    l.accountName(), "the row's account's name");
                            return l.generation().id();
                        }));

        GenerationQuery ofTeam = new GenerationQuery(a.id(), null, null, null, null, null, null, List.of());
        assertInOrder(ofA, generations.search(ofTeam, 0, 1000).stream().map(l -> l.generation().id()).toList(),
                ExportCursorTest.<GenerationListing>read(em, action -> generations.eachNewestFirst(ofTeam, BATCH, action),
                        l -> l.generation().id()));

        LedgerQuery ledgerOfA = new LedgerQuery(a.id(), Set.of(), null, null, null);
        assertInOrder(entries, ledger.search(ledgerOfA, 0, 1000).stream().map(LedgerEntry::id).toList(),
                ExportCursorTest.<LedgerEntry>read(em, action -> ledger.eachNewestFirst(ledgerOfA, BATCH, action),
                        LedgerEntry::id));

        assertInOrder(lines, audit.page(AuditQuery.ALL, 0, 1000).stream().map(AuditEntry::id).toList(),
                ExportCursorTest.<AuditEntry>read(em, action -> audit.eachNewestFirst(AuditQuery.ALL, BATCH, action),
                        AuditEntry::id));

        // Nothing matches: no batch at all.
        GenerationQuery none = new GenerationQuery(null, null, null, null, null, null, "no such prompt", List.of());
        assertTrue(ExportCursorTest.<GenerationListing>read(em, action -> generations.eachNewestFirst(none, BATCH, action),
                l -> l.generation().id()).isEmpty());

        // The export's audit line, written before the rows are read in the same transaction, is committed with it.
        em.getTransaction().begin();
        AuditEntry exported = new AuditEntry("console:alice", "generations:export", null, "CSV", T0.plusSeconds(60));
        audit.append(exported);
        generations.eachNewestFirst(everything, BATCH, batch -> { });
        em.getTransaction().commit();
        em.clear();
        assertEquals(List.of(exported.id()), audit.page(new AuditQuery(null, "generations:export", null, null), 0, 10)
                .stream().map(AuditEntry::id).toList());
    }

    /**
     * The ids of all batches, read in one transaction: each batch full but the last, and the first batch's rows no
     * longer held by anything (the cursor, the persistence context) once the last one was handed over: they are
     * collected by the garbage collector while the transaction is still open.
     */
    private static <T> List<String> read(EntityManager em, Consumer<Consumer<List<T>>> export, Function<T, String> id) {
        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<WeakReference<T>> first = new ArrayList<>();
        em.getTransaction().begin();
        try {
            export.accept(batch -> {
                assertFalse(batch.isEmpty(), "an empty batch");
                if (sizes.isEmpty()) {
                    batch.forEach(row -> first.add(new WeakReference<>(row)));
                }
                sizes.add(batch.size());
                batch.forEach(row -> ids.add(id.apply(row)));
            });
            if (sizes.size() > 1) {
                for (int i = 0; i < 20 && first.stream().anyMatch(w -> w.get() != null); i++) {
                    System.gc();
                    Thread.onSpinWait();
                }
                assertTrue(first.stream().allMatch(w -> w.get() == null),
                        "the first batch is still held after the last one was read");
            }
        } finally {
            em.getTransaction().commit();
        }
        for (int i = 0; i < sizes.size() - 1; i++) {
            assertEquals(BATCH, sizes.get(i), "batch " + i + " of " + sizes);
        }
        return ids;
    }

    /** {@code read} is the database's own order ({@code expected}, one query) and holds each row once. */
    private static void assertInOrder(Set<String> ids, List<String> expected, List<String> read) {
        assertEquals(ids, new HashSet<>(expected), "the one-query order itself holds every row");
        assertEquals(ids.size(), read.size(), "rows read (none lost, none twice)");
        assertEquals(ids, new HashSet<>(read));
        assertEquals(expected, read, "newest first, ties on the creation time by id");
    }
}
