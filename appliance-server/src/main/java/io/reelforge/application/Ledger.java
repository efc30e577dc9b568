package io.reelforge.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.ops.AfterCommit;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * The one writer of credits: a generation's debit and refund, an account's first grant, and manual adjustments.
 * Runs inside the caller's transaction: the debit commits with the generation row, a refund with the state change
 * that causes it, an adjustment with its audit entry. Each entry moves the balance stored on the account row in the
 * same transaction, so a caller takes the account's row lock before any generation's (as {@code GenerationService}
 * and {@code RenderLifecycle} do): the one lock order that keeps a refund and a submission from deadlocking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    LedgerRepository entries;

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    @Inject
    OpsMetrics metrics;

    /** Credits are counted once they are booked: a rolled-back debit never shows in the metrics. */
    @Inject
    AfterCommit afterCommit;

    public void debit(Generation g, String actor) {
        if (g.creditsCharged() > 0) {
            entries.append(LedgerEntry.debit(g.accountId(), g.creditsCharged(), g.id(), actor, clock.instant()));
            long credits = g.creditsCharged();
            afterCommit.count(() -> metrics.creditsDebited(credits));
        }
    }

    /** Gives a generation's debit back, once; a second call finds the refund and does nothing. */
    public void refund(Generation g, String reason) {
        if (g.creditsCharged() > 0 && entries.find(g.id(), EntryKind.REFUND).isEmpty()) {
            entries.append(LedgerEntry.refund(g.accountId(), g.creditsCharged(), g.id(), reason, clock.instant()));
            long credits = g.creditsCharged();
            afterCommit.count(() -> metrics.creditsRefunded(credits, reason));
        }
    }

    /** An account's first credits on its plan (nothing when there are none to give). */
    public void grantFirstPeriod(String accountId, Plan plan, long credits, String actor) {
        if (credits > 0) {
            entries.append(LedgerEntry.grant(accountId, credits, "plan " + plan.id() + ": first period", actor, clock.instant()));
        }
    }

    /**
     * A manual correction under the account's row lock: positive adds, negative deducts, always with a reason and
     * the actor that is kept with it. A deduction that would leave the balance below zero is refused (409
     * {@code ledger.negative_balance}) unless {@code allowNegative}, which the caller must have checked and audits.
     * Returns the balance after it.
     */
    public long adjust(String accountId, long signedCredits, String reason, String actor, boolean allowNegative) {
        if (signedCredits == 0) {
            throw ReelforgeException.validation("credits", "ledger.zero", "Grant or deduct at least one credit.");
        }
        if (reason == null || reason.isBlank()) {
            throw ReelforgeException.validation("reason", "ledger.no_reason", "Say why: the reason is kept in the ledger.");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an adjustment names who made it");
        }
        accounts.lockForUpdate(accountId);
        long before = entries.balance(accountId);
        long after;
        try {
            after = Math.addExact(before, signedCredits);
        } catch (ArithmeticException e) {
            throw ReelforgeException.validation("credits", "ledger.out_of_range", "That many credits cannot be booked.");
        }
        if (after < 0 && signedCredits < 0 && !allowNegative) {
            throw new ReelforgeException(ErrorType.CONFLICT, "ledger.negative_balance", "The balance is " + before
                    + " credits: deducting " + -signedCredits + " would leave " + after + ". Deduct at most " + Math.max(0, before)
                    + ", or allow a negative balance explicitly.", "credits");
        }
        LedgerEntry entry = LedgerEntry.adjustment(accountId, signedCredits, reason.trim(), actor, clock.instant());
        if (after < 0 && signedCredits < 0) {
            // The one movement the database lets below zero (and below an earlier overdraw): the caller checked
            // ledger:overdraw and audits it.
            entries.appendOverdraw(entry);
        } else {
            entries.append(entry);
        }
        return after;
    }

    public long balance(String accountId) {
        return entries.balance(accountId);
    }
}
