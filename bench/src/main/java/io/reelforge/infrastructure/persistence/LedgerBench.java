package io.reelforge.infrastructure.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.ledger.LedgerEntry;

/**
 * What admission costs in the database for an account whose ledger grows to 1,000,000 entries, against an account
 * with a single entry in the same database, their rounds interleaved: with the balance kept on the account row
 * (0015) the two should cost the same, where the old way (a SUM over the account's ledger) grows with the ledger.
 *
 * <p>One admission, as {@code GenerationService.submit} does it through the repositories: lock the account row,
 * read the balance, book a debit (which moves the stored balance); rolled back, so the ledger keeps the size being
 * measured and the run needs no commit's disk flush (a cost that does not depend on the ledger). The old way: lock
 * the account row and run the SUM the repository ran before 0015. Each is the median of many rounds after a warm-up.
 * The ledger grows between levels by plain JDBC batches (a debit and its refund per job, so the balance stays put).
 *
 * <p>Embedded Derby on disk under the given folder (emptied first), its schema made by the appliance's changelogs.
 * Lives in the repositories' package to hand them an EntityManager as the tests do.
 *
 * <pre>java -cp … io.reelforge.infrastructure.persistence.LedgerBench bench/target/ledger-bench 1000000</pre>
 */
public final class LedgerBench {

    private static final int WARM_UP = 200;
    private static final int ROUNDS = 2000;
    /** The old SUM gets at most this long per level (and at least a few rounds): at 1M entries it is slow. */
    private static final long SUM_BUDGET_NS = 4_000_000_000L;

    private LedgerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/ledger-bench").toAbsolutePath();
        long max = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        String url = BenchDatabase.derbyIn(dir);
        try (Connection c = DriverManager.getConnection(url)) {
            SchemaMigrations.update(c);
        }
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge",
                BenchDatabase.unit(url, "app", "ledger-bench"));
        EntityManager em = factory.createEntityManager();
        JpaLedgerRepository ledger = new JpaLedgerRepository();
        ledger.em = em;
        JpaAccountRepository accounts = new JpaAccountRepository();
        accounts.em = em;

        em.getTransaction().begin();
        Plan plan = new Plan("bench", "Bench", 1_000_000_000L, 0, true, 90, 0);
        em.persist(plan);
        Account fresh = new Account("New account", plan, 5, Instant.now());
        Account aged = new Account("Aged account", plan, 5, Instant.now());
        em.persist(fresh);
        em.persist(aged);
        for (Account a : List.of(fresh, aged)) {
            ledger.append(LedgerEntry.grant(a.id(), 1_000_000_000L, "bench", "bench", Instant.now()));
        }
        em.getTransaction().commit();
        em.clear();

        System.out.printf("LedgerBench: admission of an account with a growing ledger / of one with a single entry, rounds"
                + " interleaved, embedded Derby, %d processors%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("%12s  %12s  %12s  %8s  %14s  %14s  %8s%n", "entries", "new (us)", "aged (us)", "ratio",
                "old SUM new", "old SUM aged", "ratio");
        long entries = 1;
        double last = 0;
        try (Connection jdbc = DriverManager.getConnection(url)) {
            for (long level : levels(max)) {
                entries += grow(jdbc, aged.id(), level - (entries - 1));
                double[] admission = interleaved(id -> admission(em, accounts, ledger, id), fresh.id(), aged.id(), ROUNDS, Long.MAX_VALUE);
                double[] sum = interleaved(id -> oldSum(em, accounts, id), fresh.id(), aged.id(), ROUNDS, SUM_BUDGET_NS);
                last = admission[1] / admission[0];
                System.out.printf("%,12d  %12.1f  %12.1f  %8.2f  %14.1f  %14.1f  %8.1f%n", entries, admission[0] / 1000,
                        admission[1] / 1000, last, sum[0] / 1000, sum[1] / 1000, sum[1] / sum[0]);
            }
        }
        if (!ledger.unreconciled().isEmpty()) {
            throw new IllegalStateException("the stored balance disagrees with the ledger: " + ledger.unreconciled());
        }
        System.out.printf("LedgerBench: admission with %,d ledger entries / with 1 = %.2f (flat is about 1; the old SUM's"
                + " ratio is beside it)%n", entries, last);
        em.close();
        factory.close();
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException e) {
            // XJ015: Derby stopped
        }
    }

    private static List<Long> levels(long max) {
        return Stream.of(0L, 10_000L, 100_000L, max).filter(l -> l <= max).distinct().toList();
    }

    private static void admission(EntityManager em, JpaAccountRepository accounts, JpaLedgerRepository ledger, String id) {
        em.getTransaction().begin();
        try {
            accounts.lockForUpdate(id);
            long balance = ledger.balance(id);
            if (balance < 90) {
                throw new IllegalStateException("the bench account ran out of credits");
            }
            ledger.append(LedgerEntry.debit(id, 90, UUID.randomUUID().toString(), "bench", Instant.now()));
        } finally {
            em.getTransaction().rollback();
            em.clear();
        }
    }

    /** What JpaLedgerRepository.balance ran before 0015, under the same lock. */
    private static void oldSum(EntityManager em, JpaAccountRepository accounts, String id) {
        em.getTransaction().begin();
        try {
            accounts.lockForUpdate(id);
            Long sum = em.createQuery("select sum(e.amount) from LedgerEntry e where e.accountId = :a", Long.class)
                    .setParameter("a", id).getSingleResult();
            if (sum == null) {
                throw new IllegalStateException("no ledger");
            }
        } finally {
            em.getTransaction().rollback();
            em.clear();
        }
    }

    /**
     * Median nanoseconds of {@code run} on each of two accounts, alternating between them round by round (so a change
     * in the machine's load weighs on both alike), after a warm-up; fewer rounds (at least 5) when the budget runs out.
     */
    private static double[] interleaved(java.util.function.Consumer<String> run, String first, String second, int rounds,
                                        long budgetNs) {
        long start = System.nanoTime();
        for (int i = 0; i < WARM_UP && System.nanoTime() - start < budgetNs / 4; i++) {
            run.accept(first);
            run.accept(second);
        }
        long[][] ns = new long[2][rounds];
        int n = 0;
        start = System.nanoTime();
        while (n < rounds && (n < 5 || System.nanoTime() - start < budgetNs)) {
            for (int k = 0; k < 2; k++) {
                long t = System.nanoTime();
                run.accept(k == 0 ? first : second);
                ns[k][n] = System.nanoTime() - t;
            }
            n++;
        }
        double[] medians = new double[2];
        for (int k = 0; k < 2; k++) {
            long[] taken = Arrays.copyOf(ns[k], n);
            Arrays.sort(taken);
            medians[k] = taken[n / 2];
        }
        return medians;
    }

    /** Adds {@code count} entries to the account (pairs of a debit and its refund, so the balance does not move). */
    private static long grow(Connection c, String accountId, long count) throws SQLException {
        if (count <= 0) {
            return 0;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        long added = 0;
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO RF_LEDGER (ID, ACCOUNTID, ACTOR, AMOUNT, CREATEDAT,"
                + " GENERATIONID, KIND, REASON) VALUES (?, ?, 'bench', ?, ?, ?, ?, 'bench')")) {
            while (added < count) {
                String generation = UUID.randomUUID().toString();
                for (String kind : List.of("DEBIT", "REFUND")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, accountId);
                    insert.setLong(3, kind.equals("DEBIT") ? -90 : 90);
                    insert.setTimestamp(4, Timestamp.from(t.plusSeconds(added)));
                    insert.setString(5, generation);
                    insert.setString(6, kind);
                    insert.addBatch();
                    added++;
                }
                if (added % 10_000 == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(auto);
        }
        return added;
    }
}
