package io.reelforge.application.ops;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.ledger.LedgerRepository;

/**
 * {@code reelforge ledger reconcile}: the accounts whose stored balance (moved with each ledger entry) is not the sum
 * of their ledger. None unless something wrote around {@code Ledger} (a hand-made SQL change, a restored table): the
 * ledger is the record, and the report says by how much each balance is off. It changes nothing.
 */
@ApplicationScoped
public class LedgerReconciliation {

    /** One account that disagrees; {@code difference} is balance less ledger sum. */
    public record Mismatch(String accountId, String accountName, long balance, long ledgerSum, long difference) {
    }

    public record Report(long accounts, List<Mismatch> mismatches) {
    }

    @Inject
    HostAdministrator ops;

    @Inject
    AccountRepository accounts;

    @Inject
    LedgerRepository ledger;

    @Transactional
    public Report reconcile() {
        ops.requireAdministrator();
        List<Mismatch> off = ledger.unreconciled().stream()
                .map(m -> new Mismatch(m.accountId(), m.accountName(), m.balance(), m.ledgerSum(), m.difference())).toList();
        return new Report(accounts.countAccounts(), off);
    }
}
