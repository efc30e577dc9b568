package io.reelforge.application;

import java.lang.reflect.Proxy;
import java.time.Clock;

import io.reelforge.application.ops.AfterCommit;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.ledger.LedgerRepository;

/** The real {@link Ledger} outside a container, on given repositories: for tests of other packages against a database. */
public final class TestLedger {

    private TestLedger() {
    }

    public static Ledger on(LedgerRepository entries, AccountRepository accounts, Clock clock) {
        Ledger ledger = new Ledger();
        ledger.entries = entries;
        ledger.accounts = accounts;
        ledger.clock = clock;
        ledger.metrics = (OpsMetrics) Proxy.newProxyInstance(TestLedger.class.getClassLoader(),
                new Class<?>[] {OpsMetrics.class}, (proxy, method, args) -> null);
        ledger.afterCommit = new AfterCommit() {
            @Override
            public void count(Runnable count) {
                // no metrics outside a container
            }
        };
        return ledger;
    }
}
