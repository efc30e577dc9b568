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

    /** Newest first, entries strictly older than the cursor when one is given. */
    List<LedgerEntry> page(String accountId, Instant beforeCreatedAt, String beforeId, int limit);
}
