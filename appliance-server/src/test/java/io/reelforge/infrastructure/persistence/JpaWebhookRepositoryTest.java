package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.domain.model.webhook.DeliveryFilter;
import io.reelforge.domain.model.webhook.DeliveryStatus;
import io.reelforge.domain.model.webhook.RetrySchedule;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookEvent;
import io.reelforge.domain.model.webhook.WebhookUrl;

/**
 * The console's webhook queries on a real database (in-memory Derby, built by the Liquibase changelogs):
 * endpoints across accounts or of one, and deliveries newest first, narrowed by account, endpoint and status.
 */
class JpaWebhookRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static SchemaMatchesEntitiesTest.TestDatabase db;
    private static EntityManagerFactory factory;
    private EntityManager em;
    private final JpaWebhookRepository repository = new JpaWebhookRepository();

    @BeforeAll
    static void database() throws Exception {
        db = SchemaMatchesEntitiesTest.TestDatabase.derby();
        try (Connection c = db.connect()) {
            SchemaMigrations.update(c);
        }
        factory = Persistence.createEntityManagerFactory("reelforge", db.persistenceUnit("webhook-repository-test"));
    }

    /** Each test starts from empty webhook tables. */
    @BeforeEach
    void empty() {
        em = factory.createEntityManager();
        repository.em = em;
        em.getTransaction().begin();
        for (String entity : new String[] {"DeliveryAttempt", "WebhookDelivery", "WebhookEndpoint"}) {
            em.createQuery("delete from " + entity).executeUpdate();
        }
        em.getTransaction().commit();
    }

    @AfterEach
    void closeEntityManager() {
        em.close();
    }

    @AfterAll
    static void close() throws Exception {
        factory.close();
        db.close();
    }

    private WebhookEndpoint endpoint(String accountId, int minute) {
        WebhookEndpoint e = new WebhookEndpoint(accountId, WebhookUrl.parse("url", "http://10.0.0." + minute + "/hook"), null,
                Set.of(), T0.plusSeconds(60L * minute));
        repository.store(e);
        return e;
    }

    private WebhookDelivery delivery(WebhookEndpoint e, int minute, int status) {
        WebhookDelivery d = new WebhookDelivery("msg_" + minute, e.accountId(), e.id(), e.url(), WebhookEvent.VIDEO_COMPLETED,
                "generation-" + minute, "{}", T0.plusSeconds(60L * minute));
        repository.store(d);
        if (status > 0) {
            repository.store(d.record(AttemptOutcome.response(status, "", 3, null), RetrySchedule.parse(""), T0));
        }
        return d;
    }

    @Test
    void endpointsAcrossAccountsOrOfOneOldestFirst() {
        em.getTransaction().begin();
        WebhookEndpoint a1 = endpoint("account-a", 1);
        WebhookEndpoint b2 = endpoint("account-b", 2);
        WebhookEndpoint a3 = endpoint("account-a", 3);
        em.getTransaction().commit();

        assertEquals(List.of(a1.id(), b2.id(), a3.id()), ids(repository.endpointPage(null, 0, 10)));
        assertEquals(List.of(b2.id()), ids(repository.endpointPage(null, 1, 1)));
        assertEquals(List.of(a1.id(), a3.id()), ids(repository.endpointPage("account-a", 0, 10)));
        assertEquals(3, repository.countEndpoints(null));
        assertEquals(2, repository.countEndpoints("account-a"));
    }

    @Test
    void deliveriesNewestFirstNarrowedByAccountEndpointAndStatus() {
        em.getTransaction().begin();
        WebhookEndpoint a = endpoint("account-a", 1);
        WebhookEndpoint a2 = endpoint("account-a", 2);
        WebhookEndpoint b = endpoint("account-b", 3);
        WebhookDelivery ok = delivery(a, 10, 200);
        WebhookDelivery failed = delivery(a, 11, 500);
        WebhookDelivery pending = delivery(a2, 12, 0);
        WebhookDelivery other = delivery(b, 13, 500);
        em.getTransaction().commit();

        assertEquals(List.of(other.id(), pending.id(), failed.id(), ok.id()),
                repository.deliveryPage(DeliveryFilter.ALL, 0, 10).stream().map(WebhookDelivery::id).toList());
        assertEquals(List.of(pending.id(), failed.id()),
                repository.deliveryPage(DeliveryFilter.ALL, 1, 2).stream().map(WebhookDelivery::id).toList());
        assertEquals(4, repository.countDeliveries(DeliveryFilter.ALL));

        DeliveryFilter ofA = new DeliveryFilter("account-a", null, null);
        assertEquals(3, repository.countDeliveries(ofA));
        DeliveryFilter failedOfA = new DeliveryFilter("account-a", null, DeliveryStatus.FAILED);
        assertEquals(List.of(failed.id()), repository.deliveryPage(failedOfA, 0, 10).stream().map(WebhookDelivery::id).toList());
        DeliveryFilter allFailed = new DeliveryFilter(null, null, DeliveryStatus.FAILED);
        assertEquals(List.of(other.id(), failed.id()), repository.deliveryPage(allFailed, 0, 10).stream().map(WebhookDelivery::id).toList());
        DeliveryFilter ofEndpoint = new DeliveryFilter(null, a.id(), null);
        assertEquals(List.of(failed.id(), ok.id()), repository.deliveryPage(ofEndpoint, 0, 10).stream().map(WebhookDelivery::id).toList());
        assertEquals(1, repository.countDeliveries(new DeliveryFilter(null, a.id(), DeliveryStatus.SUCCEEDED)));
        assertEquals(0, repository.countDeliveries(new DeliveryFilter("account-b", a.id(), null)));
    }

    private static List<String> ids(List<WebhookEndpoint> endpoints) {
        return endpoints.stream().map(WebhookEndpoint::id).toList();
    }
}
