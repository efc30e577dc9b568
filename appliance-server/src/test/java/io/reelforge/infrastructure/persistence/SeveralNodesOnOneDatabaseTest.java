package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.application.webhooks.Senders;
import io.reelforge.domain.model.ratelimit.RequestWindow;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookEvent;
import io.reelforge.domain.model.webhook.WebhookUrl;
import io.reelforge.infrastructure.config.Settings;

/**
 * What several appliances share through the database, raced with one connection per "node" on Derby and, when
 * one answers, on PostgreSQL: two webhook senders never claim one attempt twice, and the request rate window
 * of a key lets exactly its limit through however the nodes' requests interleave.
 */
class SeveralNodesOnOneDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-12-04T22:00:00Z");

    private static <T> T onDatabase(String kind, Function<EntityManagerFactory, T> body) throws Exception {
        try (SchemaMatchesEntitiesTest.TestDatabase db = kind.equals("derby")
                ? SchemaMatchesEntitiesTest.TestDatabase.derby() : SchemaMatchesEntitiesTest.TestDatabase.postgresql()) {
            try (Connection c = db.connect()) {
                SchemaMigrations.update(c);
            }
            EntityManagerFactory factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit("nodes-" + kind));
            try {
                return body.apply(factory);
            } finally {
                factory.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aSecondSenderWaitingOnTheFirstsClaimsTakesNothingOnceItCommits(String kind) throws Exception {
        onDatabase(kind, factory -> {
            EntityManager setup = factory.createEntityManager();
            JpaWebhookRepository repo = new JpaWebhookRepository();
            repo.em = setup;
            setup.getTransaction().begin();
            WebhookEndpoint e = new WebhookEndpoint("account-a", WebhookUrl.parse("url", "http://10.0.0.1/hook"), null, Set.of(), NOW);
            repo.store(e);
            for (int i = 0; i < 5; i++) {
                repo.store(new WebhookDelivery("msg_" + i, "account-a", e.id(), e.url(), WebhookEvent.VIDEO_COMPLETED,
                        "generation-" + i, "{}", NOW));
            }
            setup.getTransaction().commit();
            setup.close();

            EntityManager a = factory.createEntityManager();
            EntityManager b = factory.createEntityManager();
            try {
                a.getTransaction().begin();
                List<String> first = claim(a);
                assertEquals(5, first.size(), "the first sender claims every due delivery");
                // The second sender starts while the first still holds its claims: it waits on them.
                CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
                    b.getTransaction().begin();
                    List<String> got = claim(b);
                    b.getTransaction().commit();
                    return got;
                });
                Thread.sleep(500);
                a.getTransaction().commit();
                assertEquals(List.of(), second.get(60, TimeUnit.SECONDS),
                        "no attempt is claimed twice: the second sender sees the first one's lease");
            } catch (Exception ex) {
                throw new AssertionError(ex);
            } finally {
                a.close();
                b.close();
            }
            return null;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void twoNodesCountingOneKeyLetExactlyTheLimitThrough(String kind) throws Exception {
        onDatabase(kind, factory -> {
            AtomicInteger allowed = new AtomicInteger();
            Runnable node = () -> {
                EntityManager em = factory.createEntityManager();
                JpaRequestWindowRepository windows = new JpaRequestWindowRepository();
                windows.em = em;
                for (int i = 0; i < 30; i++) {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            em.getTransaction().begin();
                            RequestWindow.Outcome o = windows.count("key-1", NOW.plusMillis(i), 40, Duration.ofMinutes(1));
                            em.getTransaction().commit();
                            if (o.allowed()) {
                                allowed.incrementAndGet();
                            }
                            break;
                        } catch (RuntimeException raced) {
                            // both nodes made the key's first row: one counts again, as RequestRates does
                            if (em.getTransaction().isActive()) {
                                em.getTransaction().rollback();
                            }
                            em.clear();
                            assertTrue(attempt < 2, "only the first row may race: " + raced);
                        }
                    }
                }
                em.close();
            };
            CompletableFuture<Void> one = CompletableFuture.runAsync(node);
            CompletableFuture<Void> two = CompletableFuture.runAsync(node);
            try {
                CompletableFuture.allOf(one, two).get(120, TimeUnit.SECONDS);
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
            assertEquals(40, allowed.get(), "60 requests over two nodes against a limit of 40");
            return null;
        });
    }

    private static List<String> claim(EntityManager em) {
        JpaWebhookRepository repo = new JpaWebhookRepository();
        repo.em = em;
        Settings settings = new Settings() {
            @Override
            public Duration webhookTimeout() {
                return Duration.ofSeconds(10);
            }
        };
        return Senders.claimDue(repo, settings, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC), 20);
    }
}
