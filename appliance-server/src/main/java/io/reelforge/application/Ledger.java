package io.reelforge.application;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.ops.AfterCommit;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.ledger.EntryKind;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerRepository;

/**
 * The credit operations of a generation and an account's first grant. Runs inside the caller's transaction:
 * the debit commits with the generation row, a refund with the state change that causes it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ledger {

    @Inject
    LedgerRepository entries;

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

    public long balance(String accountId) {
        return entries.balance(accountId);
    }
}
