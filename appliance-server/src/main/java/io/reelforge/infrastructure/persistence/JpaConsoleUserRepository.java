package io.reelforge.infrastructure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;

@ApplicationScoped
public class JpaConsoleUserRepository implements ConsoleUserRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
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
