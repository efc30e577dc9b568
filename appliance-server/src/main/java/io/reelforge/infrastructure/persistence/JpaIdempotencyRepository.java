package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import io.reelforge.domain.model.idempotency.IdempotencyRecord;
import io.reelforge.domain.model.idempotency.IdempotencyRepository;

@ApplicationScoped
public class JpaIdempotencyRepository implements IdempotencyRepository {

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public Optional<IdempotencyRecord> lock(String id) {
        return Optional.ofNullable(em.find(IdempotencyRecord.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(IdempotencyRecord record) {
        em.persist(record);
    }

    @Override
    public void storeNow(IdempotencyRecord record) {
        em.persist(record);
        em.flush();
    }

    @Override
    public void delete(IdempotencyRecord record) {
        em.remove(record);
    }

    @Override
    public void flush() {
        em.flush();
    }

    @Override
    public int deleteExpired(Instant now) {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt <= :n").setParameter("n", now).executeUpdate();
    }
}
