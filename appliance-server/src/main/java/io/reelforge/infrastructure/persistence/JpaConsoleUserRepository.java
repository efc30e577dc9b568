package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;

@ApplicationScoped
public class JpaConsoleUserRepository implements ConsoleUserRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    /**
     * In a transaction of its own when the caller has none (Shiro's realm checks every permission through it):
     * outside one, the request's non-transactional EntityManager may already have been closed under it by a
     * managed task started earlier in the same request (a model import's background verification).
     */
    @Override
    @Transactional
    public Optional<ConsoleUser> byUsername(String username) {
        return em.createQuery("select u from ConsoleUser u where u.username = :u", ConsoleUser.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public void store(ConsoleUser user) {
        em.persist(user);
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from ConsoleUser u", Long.class).getSingleResult();
    }

    @Override
    public List<ConsoleUser> all() {
        return em.createQuery("select u from ConsoleUser u order by u.username", ConsoleUser.class).getResultList();
    }
}
