package io.reelforge.infrastructure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.safety.SafetyRepository;
import io.reelforge.domain.model.safety.SafetyTerm;

@ApplicationScoped
public class JpaSafetyRepository implements SafetyRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public List<SafetyTerm> all() {
        return em.createQuery("select t from SafetyTerm t order by t.category, t.phrase", SafetyTerm.class).getResultList();
    }

    @Override
    public void store(SafetyTerm term) {
        em.persist(term);
    }

    @Override
    public long count() {
        return em.createQuery("select count(t) from SafetyTerm t", Long.class).getSingleResult();
    }

    @Override
    public java.util.Optional<SafetyTerm> find(String id) {
        return java.util.Optional.ofNullable(em.find(SafetyTerm.class, id));
    }

    @Override
    public boolean exists(String category, String normalizedPhrase) {
        return em.createQuery("select count(t) from SafetyTerm t where t.category = :c and t.phrase = :p", Long.class)
                .setParameter("c", category).setParameter("p", normalizedPhrase).getSingleResult() > 0;
    }

    @Override
    public void remove(SafetyTerm term) {
        em.remove(term);
    }
}
