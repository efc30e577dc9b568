package io.reelforge.infrastructure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.console.AuditEntry;
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
    public List<AuditEntry> page(int offset, int limit) {
        return em.createQuery("select a from AuditEntry a order by a.createdAt desc, a.id desc", AuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(a) from AuditEntry a", Long.class).getSingleResult();
    }
}
