package io.reelforge.domain.model.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    void append(LedgerEntry entry);

    long balance(String accountId);

    /** The sum of all accounts' entries of this kind since then (debits are negative). */
    long sumSince(EntryKind kind, Instant since);

    Optional<LedgerEntry> find(String generationId, EntryKind kind);

    /** Entries matching the query, newest first. */
    List<LedgerEntry> search(LedgerQuery query, int offset, int limit);

    long count(LedgerQuery query);

    /** Like {@link #search}, strictly older than the cursor when one is given: for reading the whole set in batches. */
    List<LedgerEntry> searchAfter(LedgerQuery query, Instant beforeCreatedAt, String beforeId, int limit);

    /** Credits spent per day (debits less refunds, as a positive number) since then; days without any are absent. */
    java.util.Map<java.time.LocalDate, Long> spentPerDay(String accountId, Instant since);

    /** Newest first, entries strictly older than the cursor when one is given. */
    List<LedgerEntry> page(String accountId, Instant beforeCreatedAt, String beforeId, int limit);
}
