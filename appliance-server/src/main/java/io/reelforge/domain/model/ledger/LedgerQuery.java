package io.reelforge.domain.model.ledger;

import java.time.Instant;
import java.util.Set;

/**
 * One account's ledger entries to show: of these kinds (empty: all), {@code from} inclusive, {@code to} exclusive,
 * and {@code text} found in the reason or the actor, ignoring case. Null means no limit.
 */
public record LedgerQuery(String accountId, Set<EntryKind> kinds, Instant from, Instant to, String text) {

    public LedgerQuery {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
