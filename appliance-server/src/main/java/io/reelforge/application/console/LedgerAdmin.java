package io.reelforge.application.console;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/** Manual credit corrections: a grant or a deduction, always with who and why, in the ledger and the audit log. */
@ApplicationScoped
@Transactional
public class LedgerAdmin {

    @Inject
    AccountRepository accounts;

    @Inject
    LedgerRepository ledger;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Adds (positive) or takes away (negative) credits; returns the new balance. */
    public long adjust(String accountId, long signedCredits, String reason) {
        String actor = ConsoleSubject.require("ledger:grant");
        if (signedCredits == 0) {
            throw ReelforgeException.validation("credits", "ledger.zero", "Grant or deduct at least one credit.");
        }
        if (reason == null || reason.isBlank()) {
            throw ReelforgeException.validation("reason", "ledger.no_reason", "Say why: the reason is kept in the ledger.");
        }
        accounts.lockForUpdate(accountId);
        ledger.append(LedgerEntry.adjustment(accountId, signedCredits, reason.trim(), actor, clock.instant()));
        audit.record(actor, "ledger:grant", accountId, signedCredits + " credits: " + reason.trim());
        return ledger.balance(accountId);
    }
}
