package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.webhook.AccountSigningKey;
import io.reelforge.domain.model.webhook.DeliveryAttempt;
import io.reelforge.domain.model.webhook.DeliveryFilter;
import io.reelforge.domain.model.webhook.DeliveryStatus;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEndpoint;
import io.reelforge.domain.model.webhook.WebhookRepository;

@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void store(WebhookEndpoint endpoint) {
        em.persist(endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(String id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    @Override
    public List<WebhookEndpoint> endpoints(String accountId) {
        return em.createQuery("select e from WebhookEndpoint e where e.accountId = :a order by e.createdAt, e.id",
                WebhookEndpoint.class).setParameter("a", accountId).getResultList();
    }

    @Override
    public long countEndpoints(String accountId) {
        TypedQuery<Long> q = em.createQuery("select count(e) from WebhookEndpoint e"
                + (accountId == null ? "" : " where e.accountId = :a"), Long.class);
        if (accountId != null) {
            q.setParameter("a", accountId);
        }
        return q.getSingleResult();
    }

    @Override
    public List<WebhookEndpoint> endpointPage(String accountId, int offset, int limit) {
        TypedQuery<WebhookEndpoint> q = em.createQuery("select e from WebhookEndpoint e"
                + (accountId == null ? "" : " where e.accountId = :a") + " order by e.createdAt, e.id", WebhookEndpoint.class);
        if (accountId != null) {
            q.setParameter("a", accountId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public void delete(WebhookEndpoint endpoint) {
        em.createQuery("delete from DeliveryAttempt a where a.deliveryId in "
                + "(select d.id from WebhookDelivery d where d.endpointId = :e)").setParameter("e", endpoint.id()).executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :e").setParameter("e", endpoint.id()).executeUpdate();
        em.remove(endpoint);
    }

    @Override
    public Optional<AccountSigningKey> signingKey(String accountId) {
        return Optional.ofNullable(em.find(AccountSigningKey.class, accountId));
    }

    @Override
    public void store(AccountSigningKey key) {
        em.persist(key);
    }

    @Override
    public void store(WebhookDelivery delivery) {
        em.persist(delivery);
    }

    @Override
    public void store(DeliveryAttempt attempt) {
        em.persist(attempt);
    }

    @Override
    public Optional<WebhookDelivery> delivery(String id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id));
    }

    @Override
    public Optional<WebhookDelivery> lockDelivery(String id) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return em.createQuery("select d from WebhookDelivery d where d.status = :s and d.nextAttemptAt <= :n"
                        + " order by d.nextAttemptAt", WebhookDelivery.class)
                .setParameter("s", DeliveryStatus.PENDING).setParameter("n", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<WebhookDelivery> deliveries(String accountId, String endpointId, Instant beforeCreatedAt, String beforeId, int limit) {
        String jpql = "select d from WebhookDelivery d where d.accountId = :a"
                + (endpointId == null ? "" : " and d.endpointId = :e")
                + (beforeCreatedAt == null ? "" : " and (d.createdAt < :t or (d.createdAt = :t and d.id < :i))")
                + " order by d.createdAt desc, d.id desc";
        TypedQuery<WebhookDelivery> q = em.createQuery(jpql, WebhookDelivery.class).setParameter("a", accountId);
        if (endpointId != null) {
            q.setParameter("e", endpointId);
        }
        if (beforeCreatedAt != null) {
            q.setParameter("t", beforeCreatedAt).setParameter("i", beforeId);
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<WebhookDelivery> deliveryPage(DeliveryFilter filter, int offset, int limit) {
        TypedQuery<WebhookDelivery> q = filtered("select d from WebhookDelivery d", filter,
                " order by d.createdAt desc, d.id desc", WebhookDelivery.class);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countDeliveries(DeliveryFilter filter) {
        return filtered("select count(d) from WebhookDelivery d", filter, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, DeliveryFilter f, String order, Class<T> type) {
        List<String> where = new ArrayList<>();
        if (f.accountId() != null) {
            where.add("d.accountId = :a");
        }
        if (f.endpointId() != null) {
            where.add("d.endpointId = :e");
        }
        if (f.status() != null) {
            where.add("d.status = :s");
        }
        TypedQuery<T> q = em.createQuery(select + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order, type);
        if (f.accountId() != null) {
            q.setParameter("a", f.accountId());
        }
        if (f.endpointId() != null) {
            q.setParameter("e", f.endpointId());
        }
        if (f.status() != null) {
            q.setParameter("s", f.status());
        }
        return q;
    }

    @Override
    public List<DeliveryAttempt> attempts(String deliveryId) {
        return em.createQuery("select a from DeliveryAttempt a where a.deliveryId = :d order by a.number", DeliveryAttempt.class)
                .setParameter("d", deliveryId).getResultList();
    }
}
