package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.model.idempotency.IdempotencyRecord;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.interfaces.rest.UniqueViolations;

/**
 * Two transactions that both passed the application's check, then both insert: the database's unique key lets one
 * commit and refuses the other, and what the API makes of the refusal is a 409 naming what clashed, not a 500. Both
 * transactions run at once on two threads, on the real databases (Derby, PostgreSQL), so the refusal is the one the
 * appliance would get: the second insert waits for the first transaction and fails when it commits.
 */
class ConcurrentUniqueKeysTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ClipRequest CLIP = new ClipRequest("sea", "", Resolution.P720, AspectRatio.LANDSCAPE, 5, false, 7, null);

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void twoAccountsOfOneNameSavedAtOnce(String kind) throws Exception {
        onDatabase(kind, (factory, plan) -> {
            List<Object> outcomes = race(factory, (em, i) -> {
                JpaAccountRepository accounts = new JpaAccountRepository();
                accounts.em = em;
                assertTrue(accounts.named("Acme").isEmpty(), "both pass the application's check");
                return new Account(i == 0 ? "Acme" : "ACME", em.find(Plan.class, plan.id()), 5, T);
            });
            ReelforgeException e = conflictOf(outcomes);
            assertEquals("account.name_taken", e.code());
            assertEquals("name", e.param());
            EntityManager em = factory.createEntityManager();
            JpaAccountRepository accounts = new JpaAccountRepository();
            accounts.em = em;
            assertEquals(1, accounts.named("acme").size(), "one account of the name");
            em.close();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void twoGenerationsBoundToOneIdempotencyKeyAtOnce(String kind) throws Exception {
        onDatabase(kind, (factory, plan) -> {
            Account[] made = new Account[1];
            inTransaction(factory, em -> {
                made[0] = new Account("Keys", em.find(Plan.class, plan.id()), 5, T);
                em.persist(made[0]);
            });
            Account account = made[0];
            String key = "f".repeat(64);
            ReelforgeException generations = conflictOf(race(factory, (em, i) -> {
                Generation g = new Generation(account.id(), "key", KeyMode.LIVE, CLIP, "sandbox", 0, 1000, T);
                g.submittedUnder(key);
                return g;
            }));
            assertEquals("idempotency_request_in_progress", generations.code());
            // the record of a key's first use: two first uses insert the same primary key
            ReelforgeException records = conflictOf(race(factory, (em, i) ->
                    new IdempotencyRecord(key, account.id(), "fingerprint", Duration.ofHours(24), T)));
            assertEquals("idempotency_request_in_progress", records.code());
        });
    }

    /** What a clash on a key nothing names becomes: still a 409, never a 500. */
    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aClashOnAnyOtherUniqueKeyIsAConflictToo(String kind) throws Exception {
        onDatabase(kind, (factory, plan) -> {
            ReelforgeException e = conflictOf(race(factory, (em, i) ->
                    new Plan("same-plan", "Plan " + i, 100, 0, true, 90, 10)));
            assertEquals("conflict", e.code());
        });
    }

    /** Two transactions at once, each persisting what {@code make} gives it and committing: the commits' outcomes. */
    private static List<Object> race(EntityManagerFactory factory, MakeEntity make) throws Exception {
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    EntityManager em = factory.createEntityManager();
                    try {
                        em.getTransaction().begin();
                        Object entity = make.make(em, n);
                        bothChecked.await(30, TimeUnit.SECONDS);
                        em.persist(entity);
                        em.getTransaction().commit();
                        return "committed";
                    } catch (RuntimeException e) {
                        if (em.getTransaction().isActive()) {
                            em.getTransaction().rollback();
                        }
                        return e;
                    } finally {
                        em.close();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Exactly one commit won; the other's failure, as the API answers it: a 409. */
    private static ReelforgeException conflictOf(List<Object> outcomes) {
        assertEquals(1, outcomes.stream().filter("committed"::equals).count(), "one of the two commits: " + outcomes);
        Throwable lost = (Throwable) outcomes.stream().filter(Throwable.class::isInstance).findFirst().orElseThrow();
        ReelforgeException e = UniqueViolations.of(lost).orElse(null);
        assertNotNull(e, "a unique key violation is found in " + lost);
        assertEquals(ErrorType.CONFLICT, e.type());
        assertEquals(409, e.type().httpStatus());
        return e;
    }

    private static void onDatabase(String kind, DatabaseTest test) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = kind.equals("derby") ? SchemaMatchesEntitiesTest.TestDatabase.derby()
                : SchemaMatchesEntitiesTest.TestDatabase.postgresql()) {
            try (Connection c = db.connect()) {
                SchemaMigrations.update(c);
            }
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit("unique-" + kind));
            try {
                Plan plan = new Plan("unique-test", "Unique test", 1000, 0, true, 90, 100);
                inTransaction(factory, em -> em.persist(plan));
                test.run(factory, plan);
            } finally {
                factory.close();
            }
        }
    }

    private static void inTransaction(EntityManagerFactory factory, java.util.function.Consumer<EntityManager> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @FunctionalInterface
    private interface MakeEntity {
        Object make(EntityManager em, int which);
    }

    @FunctionalInterface
    private interface DatabaseTest {
        void run(EntityManagerFactory factory, Plan plan) throws Exception;
    }
}
