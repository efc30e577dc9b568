package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.ConsoleSession;
import io.reelforge.domain.model.console.ConsoleSessionRepository;

/** Each call in a transaction of its own when the caller has none: a session's end is seen by a servlet listener. */
@ApplicationScoped
@Transactional
public class JpaConsoleSessionRepository implements ConsoleSessionRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void store(ConsoleSession session) {
        em.persist(session);
    }

    @Override
    public List<ConsoleSession> ofUser(String username) {
        return em.createQuery("select s from ConsoleSession s where s.username = :u order by s.startedAt desc, s.id desc",
                ConsoleSession.class).setParameter("u", username).getResultList();
    }

    @Override
    public boolean seen(String id, Instant at) {
        return em.createQuery("update ConsoleSession s set s.lastSeenAt = :t where s.id = :i")
                .setParameter("t", at).setParameter("i", id).executeUpdate() > 0;
    }

    @Override
    public void remove(String id) {
        em.createQuery("delete from ConsoleSession s where s.id = :i").setParameter("i", id).executeUpdate();
    }

    @Override
    public int removeUnseenSince(Instant since) {
        return em.createQuery("delete from ConsoleSession s where s.lastSeenAt < :t").setParameter("t", since).executeUpdate();
    }
}
