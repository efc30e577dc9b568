package io.reelforge.infrastructure.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.ledger.BalanceMismatch;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerQuery;
import io.reelforge.domain.model.ledger.LedgerRepository;

/**
 * The ledger's entries and, beside each, the move of the account's stored balance: one UPDATE of the account row in
 * the same transaction, relative ({@code BALANCE = BALANCE + amount}) so it never writes back a stale read. Native
 * SQL, because the balance is not updatable through the entity. The floor (OVERDRAFT) follows the balance back up:
 * it is the depth of the last overdraw at most, and never more than the balance needs.
 */
@ApplicationScoped
public class JpaLedgerRepository implements LedgerRepository {

    private static final String MOVE = "UPDATE RF_ACCOUNT SET BALANCE = BALANCE + ?1, OVERDRAFT = CASE"
            + " WHEN BALANCE + ?1 >= 0 THEN 0 WHEN -(BALANCE + ?1) < OVERDRAFT THEN -(BALANCE + ?1) ELSE OVERDRAFT END"
            + " WHERE ID = ?2";

    private static final String OVERDRAW = "UPDATE RF_ACCOUNT SET BALANCE = BALANCE + ?1, OVERDRAFT = CASE"
            + " WHEN BALANCE + ?1 >= 0 THEN 0 ELSE -(BALANCE + ?1) END WHERE ID = ?2";

    private static final String MISMATCHES = "SELECT A.ID, A.NAME, A.BALANCE, COALESCE(S.TOTAL, 0) FROM RF_ACCOUNT A"
            + " LEFT JOIN (SELECT ACCOUNTID, SUM(AMOUNT) AS TOTAL FROM RF_LEDGER GROUP BY ACCOUNTID) S ON S.ACCOUNTID = A.ID"
            + " WHERE A.BALANCE <> COALESCE(S.TOTAL, 0) ORDER BY A.NAME, A.ID";

    @PersistenceContext(unitName = "reelforge")
    EntityManager em;

    @Override
    public void append(LedgerEntry entry) {
        book(entry, MOVE);
    }

    @Override
    public void appendOverdraw(LedgerEntry entry) {
        book(entry, OVERDRAW);
    }

    private void book(LedgerEntry entry, String move) {
        em.persist(entry);
        // Flush now so the unique constraint answers inside the caller's transaction, not at commit (and so a new
        // account's row is there for the UPDATE).
        em.flush();
        int rows = em.createNativeQuery(move).setParameter(1, entry.amount()).setParameter(2, entry.accountId()).executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("no account " + entry.accountId() + " to book a ledger entry on");
        }
    }

    @Override
    public List<BalanceMismatch> unreconciled() {
        List<?> rows = em.createNativeQuery(MISMATCHES).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new BalanceMismatch((String) r[0], (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    @Override
    public long sumSince(EntryKind kind, Instant since) {
        Long sum = em.createQuery("select sum(e.amount) from LedgerEntry e where e.kind = :k and e.createdAt >= :t", Long.class)
                .setParameter("k", kind).setParameter("t", since).getSingleResult();
        return sum == null ? 0 : sum;
    }

    @Override
    public long balance(String accountId) {
        // A query, not the entity: an Account read earlier in this transaction does not see the UPDATEs above.
        return em.createQuery("select a.balance from Account a where a.id = :a", Long.class)
                .setParameter("a", accountId).getResultStream().findFirst().orElse(0L);
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
    public void eachNewestFirst(LedgerQuery query, int batchSize, Consumer<List<LedgerEntry>> action) {
        filtered(query).each(batchSize, action);
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
