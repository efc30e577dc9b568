package io.reelforge.infrastructure.persistence;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.TypedQuery;

import io.reelforge.application.console.Csv;
import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationListing;
import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.Resolution;

/**
 * The console's CSV export of one account's generations (as {@code ConsoleOpsIT} exports 99,997 of them), against
 * the least a database does to hand over those rows: one plain scan of the table, every column read. Three ways:
 * <ul>
 *   <li>scan: {@code SELECT * FROM RF_GENERATION} read to the end over JDBC (the baseline);</li>
 *   <li>cursor: {@code JpaGenerationRepository.eachNewestFirst}, one query read through a cursor a thousand rows a
 *   batch, written as CSV;</li>
 *   <li>keyset: what the export did before, a query per thousand rows with the predicate
 *   {@code createdAt < :t or (createdAt = :t and id < :i)}, written as the same CSV.</li>
 * </ul>
 * Scan and cursor alternate for three rounds each (medians), keyset runs once (it is the slow one). The two CSVs must
 * be the same bytes (a SHA-256 of each): the rows share their creation time seven at a time, so batch boundaries fall
 * inside ties. Prints the ratios to the scan; asserts nothing else.
 *
 * <p>Embedded Derby on disk under the given folder (emptied first); also PostgreSQL when a server's admin URL is
 * given (a fresh database made through it and dropped after; {@code none} leaves it out). Schemas by the
 * appliance's changelogs.
 *
 * <pre>java -Xmx256m -cp … io.reelforge.infrastructure.persistence.ExportBench bench/target/export-bench 100000 \
 *     [jdbc:postgresql://127.0.0.1:5432/test]</pre>
 */
public final class ExportBench {

    private static final int ROUNDS = 3;
    private static final int BATCH = 1000;
    private static final int TIE = 7;

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/export-bench").toAbsolutePath();
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String derby = BenchDatabase.derbyIn(dir);
        System.out.printf("ExportBench: CSV export of %,d generations of one account / one plain scan of the table,"
                + " %d processors, -Xmx %d MiB%n", rows, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        run("Derby", derby, "app", rows);
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException e) {
            // XJ015: Derby stopped
        }
        if (args.length > 2 && args[2].startsWith("jdbc:postgresql:")) {
            String admin = args[2];
            String name = "reelforge_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            try {
                run("PostgreSQL", admin.substring(0, admin.lastIndexOf('/') + 1) + name, "postgres", rows);
            } finally {
                try (Connection c = DriverManager.getConnection(admin, "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + name);
                }
            }
        }
    }

    private static void run(String database, String url, String user, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            SchemaMigrations.update(c);
        }
        EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge",
                BenchDatabase.unit(url, user, "export-bench-" + database));
        EntityManager em = factory.createEntityManager();
        JpaGenerationRepository generations = new JpaGenerationRepository();
        generations.em = em;
        try {
            em.getTransaction().begin();
            Plan plan = new Plan("bench", "Bench", 1000, 0, true, 90, 0);
            em.persist(plan);
            Account bulk = new Account("Bench bulk", plan, 5, Instant.now());
            Account other = new Account("Bench other", plan, 5, Instant.now());
            em.persist(bulk);
            em.persist(other);
            em.getTransaction().commit();
            em.clear();
            long t0 = System.nanoTime();
            insert(em, bulk.id(), other.id(), rows);
            System.out.printf("%s: inserted %,d generations (%,d of the exported account) in %.1f s%n", database, rows + rows / 100,
                    rows, (System.nanoTime() - t0) / 1e9);

            GenerationQuery query = new GenerationQuery(bulk.id(), null, null, null, null, null, null, List.of());
            long[] scan = new long[ROUNDS];
            long[] cursor = new long[ROUNDS];
            String cursorCsv = null;
            for (int r = 0; r < ROUNDS; r++) {
                t0 = System.nanoTime();
                scan(url, user, rows + rows / 100);
                scan[r] = System.nanoTime() - t0;
                Digest out = new Digest();
                t0 = System.nanoTime();
                inTransaction(em, () -> generations.eachNewestFirst(query, BATCH, batch -> write(out, batch)));
                cursor[r] = System.nanoTime() - t0;
                cursorCsv = out.check(cursorCsv, rows, "cursor, round " + r);
            }
            Digest out = new Digest();
            t0 = System.nanoTime();
            inTransaction(em, () -> keyset(em, query, batch -> write(out, batch)));
            long keyset = System.nanoTime() - t0;
            out.check(cursorCsv, rows, "keyset");

            double s = median(scan);
            double k = median(cursor);
            System.out.printf("%s: scan %,.0f ms, cursor export %,.0f ms, keyset export %,.0f ms (%d rows a batch;"
                    + " the two CSVs are the same bytes)%n", database, s / 1e6, k / 1e6, keyset / 1e6, BATCH);
            System.out.printf("ExportBench %s: cursor / scan = %.1f, keyset / scan = %.1f, keyset / cursor = %.1f%n",
                    database, k / s, keyset / s, keyset / k);
        } finally {
            em.close();
            factory.close();
        }
    }

    /**
     * Rows share their creation time {@value #TIE} at a time; one in a hundred belongs to another account. All are
     * finished (canceled), as an export mostly finds them.
     */
    private static void insert(EntityManager em, String bulk, String other, int rows) {
        Instant newest = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        int total = rows + rows / 100;
        em.getTransaction().begin();
        for (int i = 0; i < total; i++) {
            Instant created = i < rows ? newest.minus(i / TIE, ChronoUnit.MINUTES) : newest.minus(i % 5000, ChronoUnit.MINUTES);
            ClipRequest clip = new ClipRequest("Bench clip " + i + " of a quiet street, at \"night\"", "",
                    i % 3 == 0 ? Resolution.P1080 : Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);
            Generation g = new Generation(i < rows ? bulk : other, "bench-key", KeyMode.LIVE, clip,
                    i % 2 == 0 ? "sandbox" : "djl", 90, 1000, created);
            g.cancel(created.plusSeconds(30));
            em.persist(g);
            if (i % 2000 == 1999) {
                em.getTransaction().commit();
                em.clear();
                em.getTransaction().begin();
            }
        }
        em.getTransaction().commit();
        em.clear();
    }

    /** The baseline: every row and column of the table read once, in no order. */
    private static void scan(String url, String user, int expected) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(BATCH);
                long n = 0;
                long chars = 0;
                try (ResultSet r = s.executeQuery("SELECT * FROM RF_GENERATION")) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String v = r.getString(i);
                            chars += v == null ? 0 : v.length();
                        }
                        n++;
                    }
                }
                c.commit();
                if (n != expected || chars == 0) {
                    throw new IllegalStateException("scanned " + n + " rows, expected " + expected);
                }
            }
        }
    }

    /** The export before: keyset batches, one query each (JpaGenerationRepository.searchNewestFirst as it was). */
    private static void keyset(EntityManager em, GenerationQuery query, Consumer<List<GenerationListing>> action) {
        Generation last = null;
        List<GenerationListing> batch;
        do {
            GenerationFilter f = new GenerationFilter(query);
            TypedQuery<Object[]> q = em.createQuery("select g, a.name from Generation g, Account a where a.id = g.accountId"
                    + f.where() + (last == null ? "" : " and (g.createdAt < :bt or (g.createdAt = :bt and g.id < :bi))")
                    + " order by g.createdAt desc, g.id desc", Object[].class);
            f.bind(q);
            if (last != null) {
                q.setParameter("bt", last.createdAt()).setParameter("bi", last.id());
            }
            batch = q.setMaxResults(BATCH).getResultList().stream()
                    .map(r -> new GenerationListing((Generation) r[0], (String) r[1])).toList();
            action.accept(batch);
            if (!batch.isEmpty()) {
                last = batch.get(batch.size() - 1).generation();
            }
            em.clear();
        } while (batch.size() == BATCH);
    }

    /** GenerationAdmin.exportCsv's row. */
    private static void write(Digest out, List<GenerationListing> batch) {
        Csv csv = new Csv(out);
        for (GenerationListing l : batch) {
            Generation g = l.generation();
            csv.row(g.id(), g.accountId(), l.accountName(), g.status().wireName(), g.prompt(), g.resolution(),
                    g.durationSeconds(), g.engine(), g.model(), g.modelVersion(), g.creditsSpent(), g.createdAt(),
                    g.finishedAt(), g.errorCode());
            out.rows++;
        }
    }

    private static void inTransaction(EntityManager em, Runnable work) {
        em.getTransaction().begin();
        try {
            work.run();
        } finally {
            em.getTransaction().rollback();
            em.clear();
        }
    }

    private static double median(long[] ns) {
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** A writer that keeps nothing but a SHA-256 of what it was given and the number of rows. */
    private static final class Digest extends Writer {

        private final MessageDigest sha;
        long rows;

        Digest() throws Exception {
            sha = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            sha.update(new String(buffer, offset, length).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** This CSV's digest, after checking its row count and that it equals {@code previous} (when given). */
        String check(String previous, int expectedRows, String what) {
            String digest = HexFormat.of().formatHex(sha.digest());
            if (rows != expectedRows) {
                throw new IllegalStateException(what + ": " + rows + " rows, expected " + expectedRows);
            }
            if (previous != null && !previous.equals(digest)) {
                throw new IllegalStateException(what + ": another CSV than the cursor's (" + digest + " / " + previous + ")");
            }
            return digest;
        }
    }
}
