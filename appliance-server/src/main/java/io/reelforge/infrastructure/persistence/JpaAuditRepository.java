package io.reelforge.infrastructure.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.console.AuditRepository;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> page(AuditQuery query, int offset, int limit) {
        return filtered(query).page(offset, limit);
    }

    @Override
    public long count(AuditQuery query) {
        return filtered(query).count();
    }

    @Override
    public void eachNewestFirst(AuditQuery query, int batchSize, Consumer<List<AuditEntry>> action) {
        filtered(query).each(batchSize, action);
    }

    @Override
    public Map<String, String> namesOf(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select a.id, a.name from Account a where a.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
        em.createQuery("select u.id, u.username from ConsoleUser u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList().forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }

    private Filtered<AuditEntry> filtered(AuditQuery q) {
        return new Filtered<>(em, AuditEntry.class, "a", new Where().contains("actor", q.actor(), "a.actor").contains("action", q.action(), "a.action")
                .and("a.createdAt >= :from", "from", q.from()).and("a.createdAt < :to", "to", q.to()));
    }
}
