package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;

@ApplicationScoped
public class JpaGenerationRepository implements GenerationRepository {

    private static final List<GenerationStatus> IN_FLIGHT = List.of(GenerationStatus.QUEUED, GenerationStatus.PROCESSING);

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void store(Generation generation) {
        em.persist(generation);
    }

    @Override
    public Optional<Generation> find(String id) {
        return Optional.ofNullable(em.find(Generation.class, id));
    }

    @Override
    public Optional<Generation> lockForUpdate(String id) {
        return Optional.ofNullable(em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<Generation> inFlight(String accountId) {
        return em.createQuery("select g from Generation g where g.accountId = :a and g.status in :s", Generation.class)
                .setParameter("a", accountId).setParameter("s", IN_FLIGHT).getResultList();
    }

    @Override
    public long countInFlight(String accountId) {
        return em.createQuery("select count(g) from Generation g where g.accountId = :a and g.status in :s", Long.class)
                .setParameter("a", accountId).setParameter("s", IN_FLIGHT).getSingleResult();
    }

    @Override
    public List<Object[]> createdAndStatusSince(Instant since) {
        return em.createQuery("select g.createdAt, g.status from Generation g where g.createdAt >= :t", Object[].class)
                .setParameter("t", since).getResultList();
    }

    @Override
    public long renderMsSince(Instant since) {
        Long ms = em.createQuery("select sum(g.processingMs) from Generation g where g.finishedAt >= :t", Long.class)
                .setParameter("t", since).getSingleResult();
        return ms == null ? 0 : ms;
    }

    @Override
    public long storedOutputBytes() {
        Long bytes = em.createQuery("select sum(g.outputBytes) from Generation g where g.status = :s", Long.class)
                .setParameter("s", GenerationStatus.COMPLETED).getSingleResult();
        return bytes == null ? 0 : bytes;
    }

    @Override
    public long countCreatedSince(String accountId, Instant since) {
        return em.createQuery("select count(g) from Generation g where g.accountId = :a and g.createdAt >= :t", Long.class)
                .setParameter("a", accountId).setParameter("t", since).getSingleResult();
    }

    @Override
    public long countByStatus(GenerationStatus status) {
        return em.createQuery("select count(g) from Generation g where g.status = :s", Long.class)
                .setParameter("s", status).getSingleResult();
    }

    @Override
    public List<Generation> pageAll(int offset, int limit) {
        return em.createQuery("select g from Generation g order by g.createdAt desc, g.id desc", Generation.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countAll() {
        return em.createQuery("select count(g) from Generation g", Long.class).getSingleResult();
    }

    @Override
    public java.util.Map<GenerationStatus, Long> countByStatusSince(Instant since) {
        java.util.Map<GenerationStatus, Long> counts = new java.util.EnumMap<>(GenerationStatus.class);
        for (GenerationStatus s : GenerationStatus.values()) {
            counts.put(s, 0L);
        }
        em.createQuery("select g.status, count(g) from Generation g where g.createdAt >= :t group by g.status", Object[].class)
                .setParameter("t", since).getResultList()
                .forEach(row -> counts.put((GenerationStatus) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public List<Generation> queued(int limit) {
        return em.createQuery("select g from Generation g where g.status = :s order by g.createdAt, g.id", Generation.class)
                .setParameter("s", GenerationStatus.QUEUED).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Generation> byStatus(GenerationStatus status) {
        return em.createQuery("select g from Generation g where g.status = :s order by g.createdAt", Generation.class)
                .setParameter("s", status).getResultList();
    }

    @Override
    public List<Generation> queuedBefore(Instant createdAt, String id) {
        return em.createQuery("select g from Generation g where g.status = :s and (g.createdAt < :t or (g.createdAt = :t and g.id < :i))",
                        Generation.class)
                .setParameter("s", GenerationStatus.QUEUED).setParameter("t", createdAt).setParameter("i", id)
                .getResultList();
    }

    @Override
    public long countQueuedBefore(Instant createdAt, String id) {
        return em.createQuery("select count(g) from Generation g where g.status = :s and (g.createdAt < :t or (g.createdAt = :t and g.id < :i))",
                        Long.class)
                .setParameter("s", GenerationStatus.QUEUED).setParameter("t", createdAt).setParameter("i", id)
                .getSingleResult();
    }

    @Override
    public List<Generation> list(String accountId, boolean ascending, Generation after, int limit) {
        String cmp = ascending ? ">" : "<";
        String dir = ascending ? "asc" : "desc";
        String jpql = "select g from Generation g where g.accountId = :a and g.deletedAt is null"
                + (after == null ? "" : " and (g.createdAt " + cmp + " :t or (g.createdAt = :t and g.id " + cmp + " :i))")
                + " order by g.createdAt " + dir + ", g.id " + dir;
        TypedQuery<Generation> q = em.createQuery(jpql, Generation.class).setParameter("a", accountId);
        if (after != null) {
            q.setParameter("t", after.createdAt()).setParameter("i", after.id());
        }
        return q.setMaxResults(limit).getResultList();
    }

    @Override
    public List<Generation> expiredOutputs(Instant now, int limit) {
        return em.createQuery("select g from Generation g where g.status = :s and g.expiresAt <= :n order by g.expiresAt",
                        Generation.class)
                .setParameter("s", GenerationStatus.COMPLETED).setParameter("n", now).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Long> recentRenderTimes(String engine, int width, int height, int limit) {
        return em.createQuery("select g.processingMs from Generation g where g.engine = :e and g.width = :w and g.height = :h"
                                + " and g.status in :s and g.processingMs is not null order by g.finishedAt desc", Long.class)
                .setParameter("e", engine).setParameter("w", width).setParameter("h", height)
                .setParameter("s", List.of(GenerationStatus.COMPLETED, GenerationStatus.EXPIRED))
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Generation> page(String accountId, GenerationStatus status, Instant beforeCreatedAt, String beforeId, int limit) {
        String jpql = "select g from Generation g where g.accountId = :a and g.deletedAt is null"
                + (status == null ? "" : " and g.status = :s")
                + (beforeCreatedAt == null ? "" : " and (g.createdAt < :t or (g.createdAt = :t and g.id < :i))")
                + " order by g.createdAt desc, g.id desc";
        TypedQuery<Generation> q = em.createQuery(jpql, Generation.class).setParameter("a", accountId);
        if (status != null) {
            q.setParameter("s", status);
        }
        if (beforeCreatedAt != null) {
            q.setParameter("t", beforeCreatedAt).setParameter("i", beforeId);
        }
        return q.setMaxResults(limit).getResultList();
    }

    /** Grouped by the database: a day is the date part of the stored timestamp (the appliance's time zone). */
    @Override
    public java.util.Map<java.time.LocalDate, Long> clipsPerDay(String accountId, Instant since) {
        java.util.Map<java.time.LocalDate, Long> days = new java.util.TreeMap<>();
        em.createQuery("select cast(g.createdAt as date), count(g) from Generation g where g.accountId = :a"
                        + " and g.createdAt >= :t group by cast(g.createdAt as date)", Object[].class)
                .setParameter("a", accountId).setParameter("t", since).getResultList()
                .forEach(r -> days.put(Days.of(r[0]), ((Number) r[1]).longValue()));
        return days;
    }
}
