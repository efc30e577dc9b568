package io.reelforge.domain.model.ledger;

public enum EntryKind {
    /** Credits from a plan: a period's allowance or a sign-up bonus. */
    GRANT,
    /** A clip's price, written with the generation. */
    DEBIT,
    /** A debit given back: the clip failed, timed out, was blocked or canceled. */
    REFUND,
    /** A manual correction by an administrator, either sign. */
    ADJUSTMENT
}
