package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationListing;
import io.reelforge.domain.model.generation.GenerationQuery;
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
    public Optional<String> accountOf(String id) {
        return em.createQuery("select g.accountId from Generation g where g.id = :i", String.class)
                .setParameter("i", id).getResultStream().findFirst();
    }

    @Override
    public Optional<Generation> lockForUpdate(String id) {
        return Optional.ofNullable(em.find(Generation.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public Optional<Generation> findByIdempotencyKey(String idempotencyKey) {
        return em.createQuery("select g from Generation g where g.idempotencyKey = :k", Generation.class)
                .setParameter("k", idempotencyKey).getResultStream().findFirst();
    }

    @Override
    public int releaseIdempotencyKey(String idempotencyKey, Instant createdBefore) {
        return em.createQuery("update Generation g set g.idempotencyKey = null where g.idempotencyKey = :k and g.createdAt <= :t")
                .setParameter("k", idempotencyKey).setParameter("t", createdBefore).executeUpdate();
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
    public List<Generation> lockQueued(int limit) {
        if (DatabaseTarget.configured().embedded()) {
            // Embedded Derby has one node (one process opens it): lock the oldest and check it is still queued.
            return queued(limit).stream()
                    .map(g -> lockForUpdate(g.id()).filter(l -> l.status() == GenerationStatus.QUEUED))
                    .flatMap(Optional::stream).toList();
        }
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT ID FROM RF_GENERATION WHERE STATUS = ?1"
                        + " ORDER BY CREATEDAT, ID LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, GenerationStatus.QUEUED.name()).setParameter(2, limit).getResultList();
        // Already locked by this transaction; the lock mode makes the entities read fresh, not from a cache.
        return ids.stream().map(this::lockForUpdate).flatMap(Optional::stream).toList();
    }

    @Override
    public long countProcessingOn(String node) {
        return em.createQuery("select count(g) from Generation g where g.status = :s and g.renderNode = :n", Long.class)
                .setParameter("s", GenerationStatus.PROCESSING).setParameter("n", node).getSingleResult();
    }

    @Override
    public List<String> processingOnOrUnclaimed(String node) {
        return em.createQuery("select g.id from Generation g where g.status = :s and (g.renderNode = :n or g.renderNode is null)"
                        + " order by g.createdAt", String.class)
                .setParameter("s", GenerationStatus.PROCESSING).setParameter("n", node).getResultList();
    }

    @Override
    public List<String> processingWithoutLiveNode(Instant now) {
        // NOT IN over the live nodes' ids, not NOT EXISTS: EclipseLink writes an EXISTS subquery as SELECT 1, which
        // Derby cannot take as a parameter, so it inlined every value of the statement instead; with the time in
        // it, each heartbeat sent a new statement that Derby compiled afresh (a quarter of an idle node's CPU) and
        // that pushed a useful one out of its statement cache. Node ids are never null, and a job with no node
        // has none alive.
        return em.createQuery("select g.id from Generation g where g.status = :s and (g.renderNode is null or g.renderNode"
                        + " not in (select n.id from ClusterNode n where n.leaseUntil > :t and n.leftAt is null))"
                        + " order by g.createdAt", String.class)
                .setParameter("s", GenerationStatus.PROCESSING).setParameter("t", now).getResultList();
    }

    @Override
    public List<String> stillProcessingOn(String node, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select g.id from Generation g where g.id in :ids and g.status = :s and g.renderNode = :n", String.class)
                .setParameter("ids", ids).setParameter("s", GenerationStatus.PROCESSING).setParameter("n", node)
                .getResultList();
    }

    @Override
    public List<GenerationListing> search(GenerationQuery query, int offset, int limit) {
        GenerationFilter f = new GenerationFilter(query);
        TypedQuery<Object[]> q = em.createQuery("select g, a.name from Generation g, Account a where a.id = g.accountId"
                + f.where() + " order by " + GenerationFilter.orderBy(query.sort()), Object[].class);
        f.bind(q);
        return listings(q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    @Override
    public long count(GenerationQuery query) {
        GenerationFilter f = new GenerationFilter(query);
        TypedQuery<Long> q = em.createQuery("select count(g) from Generation g where 1 = 1" + f.where(), Long.class);
        f.bind(q);
        return q.getSingleResult();
    }

    @Override
    public void eachNewestFirst(GenerationQuery query, int batchSize, Consumer<List<GenerationListing>> action) {
        GenerationFilter f = new GenerationFilter(query);
        TypedQuery<Object[]> q = em.createQuery("select g, a.name from Generation g, Account a where a.id = g.accountId"
                + f.where() + " order by g.createdAt desc, g.id desc", Object[].class);
        f.bind(q);
        CursorBatches.each(em, q, batchSize, r -> {
            Object[] row = (Object[]) r;
            return new GenerationListing((Generation) row[0], (String) row[1]);
        }, action);
    }

    private static List<GenerationListing> listings(List<Object[]> rows) {
        return rows.stream().map(r -> new GenerationListing((Generation) r[0], (String) r[1])).toList();
    }

    @Override
    public List<Object[]> modelsInUseSince(Instant since) {
        // Two queries, each on an index (status; finishedAt), rather than one OR that scans the table.
        java.util.Map<List<Object>, Long> jobs = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (String where : new String[] {"g.status = :p", "g.finishedAt >= :t"}) {
            TypedQuery<Object[]> q = em.createQuery("select g.engine, g.model, g.modelVersion, count(g) from Generation g where "
                    + where + " group by g.engine, g.model, g.modelVersion", Object[].class);
            q = where.contains(":p") ? q.setParameter("p", GenerationStatus.PROCESSING) : q.setParameter("t", since);
            q.getResultList().forEach(r -> jobs.merge(java.util.Arrays.asList(r[0], r[1], r[2]), (Long) r[3], Long::sum));
        }
        return jobs.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                e.getValue()}).toList();
    }

    @Override
    public long[] finishedAndFailedSince(Instant since) {
        long[] counts = new long[2];
        em.createQuery("select g.status, count(g) from Generation g where g.finishedAt >= :t group by g.status", Object[].class)
                .setParameter("t", since).getResultList().forEach(row -> {
                    counts[0] += (Long) row[1];
                    if (row[0] == GenerationStatus.FAILED) {
                        counts[1] += (Long) row[1];
                    }
                });
        return counts;
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
    public List<RenderTime> recentRenderTimes(String engine, int width, int height, int limit) {
        return em.createQuery("select g.processingMs, g.renderConcurrency from Generation g where g.engine = :e and g.width = :w"
                                + " and g.height = :h and g.status in :s and g.processingMs is not null order by g.finishedAt desc",
                        Object[].class)
                .setParameter("e", engine).setParameter("w", width).setParameter("h", height)
                .setParameter("s", List.of(GenerationStatus.COMPLETED, GenerationStatus.EXPIRED))
                .setMaxResults(limit).getResultList().stream()
                .map(r -> new RenderTime(((Number) r[0]).longValue(), r[1] == null ? 1 : ((Number) r[1]).intValue()))
                .toList();
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
