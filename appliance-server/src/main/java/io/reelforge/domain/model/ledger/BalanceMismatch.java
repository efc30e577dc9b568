package io.reelforge.domain.model.ledger;

/** An account whose stored balance disagrees with the sum of its ledger entries, and by how much. */
public record BalanceMismatch(String accountId, String accountName, long balance, long ledgerSum) {

    /** Stored less summed: positive when the stored balance shows more credits than the ledger gives. */
    public long difference() {
        return balance - ledgerSum;
    }
}
