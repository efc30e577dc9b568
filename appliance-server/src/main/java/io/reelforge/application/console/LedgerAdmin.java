package io.reelforge.application.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.Ledger;

/**
 * Manual credit corrections from the console and the admin API, booked by {@link Ledger} (the one writer of
 * credits): a grant needs {@code ledger:grant}, a deduction {@code ledger:deduct}, and a deduction allowed to
 * leave the balance below zero {@code ledger:overdraw}, audited as such. Every one is in the ledger with who and
 * why, and in the audit log.
 */
@ApplicationScoped
@Transactional
public class LedgerAdmin {

    @Inject
    Ledger ledger;

    @Inject
    AuditLog audit;

    /** Adds (positive) or takes away (negative) credits, never below zero; returns the new balance. */
    public long adjust(String accountId, long signedCredits, String reason) {
        return adjust(accountId, signedCredits, reason, false);
    }

    /** As {@link #adjust(String, long, String)}; {@code allowNegative} lets a deduction leave the balance below zero. */
    public long adjust(String accountId, long signedCredits, String reason, boolean allowNegative) {
        String action = signedCredits < 0 ? "ledger:deduct" : "ledger:grant";
        String actor = ConsoleSubject.require(action);
        if (allowNegative) {
            ConsoleSubject.require("ledger:overdraw");
        }
        long after = ledger.adjust(accountId, signedCredits, reason, actor, allowNegative);
        String detail = signedCredits + " credits: " + reason.trim() + " (balance " + after + ")";
        audit.record(actor, after < 0 ? "ledger:overdraw" : action, accountId, detail);
        return after;
    }
}
