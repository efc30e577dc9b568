package io.reelforge.domain.model.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface LedgerRepository {

    /**
     * Books the entry and moves its account's stored balance by its amount, in the caller's transaction. The database
     * refuses (CHECK RF_ACCOUNT_BALANCE_FLOOR) a movement that would take the balance below its floor: zero, or the
     * depth of an earlier {@link #appendOverdraw overdraw} that the balance has not climbed back from.
     */
    void append(LedgerEntry entry);

    /** As {@link #append}, for the one audited path allowed to go below zero: the floor moves down to the new balance. */
    void appendOverdraw(LedgerEntry entry);

    /** The account's stored balance (one row, however long its ledger). */
    long balance(String accountId);

    /** Accounts whose stored balance is not the sum of their ledger entries (none, unless something wrote around the ledger). */
    List<BalanceMismatch> unreconciled();

    /** The sum of all accounts' entries of this kind since then (debits are negative). */
    long sumSince(EntryKind kind, Instant since);

    Optional<LedgerEntry> find(String generationId, EntryKind kind);

    /** Entries matching the query, newest first. */
    List<LedgerEntry> search(LedgerQuery query, int offset, int limit);

    long count(LedgerQuery query);

    /**
     * Every match, in {@link #search}'s order, handed to {@code action} {@code batchSize} at a time: one query read
     * through a database cursor, each batch forgotten before the next is read. Within a transaction, whose
     * persistence context it clears as it goes.
     */
    void eachNewestFirst(LedgerQuery query, int batchSize, java.util.function.Consumer<List<LedgerEntry>> action);

    /** Credits spent per day (debits less refunds, as a positive number) since then; days without any are absent. */
    java.util.Map<java.time.LocalDate, Long> spentPerDay(String accountId, Instant since);

    /** Newest first, entries strictly older than the cursor when one is given. */
    List<LedgerEntry> page(String accountId, Instant beforeCreatedAt, String beforeId, int limit);
}
