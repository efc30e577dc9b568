package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerQuery;
import io.reelforge.domain.model.ledger.LedgerRepository;

@ApplicationScoped
public class JpaLedgerRepository implements LedgerRepository {


    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void append(LedgerEntry entry) {
        em.persist(entry);
        // Flush now so the unique constraint answers inside the caller's transaction, not at commit.
        em.flush();
    }

    @Override
    public long sumSince(EntryKind kind, Instant since) {
        Long sum = em.createQuery("select sum(e.amount) from LedgerEntry e where e.kind = :k and e.createdAt >= :t", Long.class)
                .setParameter("k", kind).setParameter("t", since).getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    public long balance(String accountId) {
        Long sum = em.createQuery("select sum(e.amount) from LedgerEntry e where e.accountId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    public Optional<LedgerEntry> find(String generationId, EntryKind kind) {
        return em.createQuery("select e from LedgerEntry e where e.generationId = :g and e.kind = :k", LedgerEntry.class)
                .setParameter("g", generationId).setParameter("k", kind)
                .getResultStream().findFirst();
    }

    @Override
    public List<LedgerEntry> search(LedgerQuery query, int offset, int limit) {
        return filtered(query).page(offset, limit);
    }

    @Override
    public long count(LedgerQuery query) {
        return filtered(query).count();
    }

    @Override
    public List<LedgerEntry> searchAfter(LedgerQuery query, Instant beforeCreatedAt, String beforeId, int limit) {
        return filtered(query).after(beforeCreatedAt, beforeId, limit);
    }

    /** Grouped by the database: a day is the date part of the stored timestamp (the appliance's time zone). */
    @Override
    public Map<LocalDate, Long> spentPerDay(String accountId, Instant since) {
        Map<LocalDate, Long> days = new TreeMap<>();
        em.createQuery("select cast(e.createdAt as date), sum(e.amount) from LedgerEntry e where e.accountId = :a"
                        + " and e.kind in :k and e.createdAt >= :t group by cast(e.createdAt as date)", Object[].class)
                .setParameter("a", accountId).setParameter("k", List.of(EntryKind.DEBIT, EntryKind.REFUND))
                .setParameter("t", since).getResultList()
                .forEach(r -> days.put(Days.of(r[0]), -((Number) r[1]).longValue()));
        return days;
    }

    private Filtered<LedgerEntry> filtered(LedgerQuery q) {
        return new Filtered<>(em, LedgerEntry.class, "e", new Where().and("e.accountId = :a", "a", q.accountId())
                .and("e.kind in :kinds", "kinds", q.kinds().isEmpty() ? null : List.copyOf(q.kinds()))
                .and("e.createdAt >= :from", "from", q.from()).and("e.createdAt < :to", "to", q.to())
                .contains("text", q.text(), "e.reason", "e.actor"));
    }

    @Override
    public List<LedgerEntry> page(String accountId, Instant beforeCreatedAt, String beforeId, int limit) {
        String jpql = "select e from LedgerEntry e where e.accountId = :a"
                + (beforeCreatedAt == null ? "" : " and (e.createdAt < :t or (e.createdAt = :t and e.id < :i))")
                + " order by e.createdAt desc, e.id desc";
        TypedQuery<LedgerEntry> q = em.createQuery(jpql, LedgerEntry.class).setParameter("a", accountId);
        if (beforeCreatedAt != null) {
            q.setParameter("t", beforeCreatedAt).setParameter("i", beforeId);
        }
        return q.setMaxResults(limit).getResultList();
    }
}
