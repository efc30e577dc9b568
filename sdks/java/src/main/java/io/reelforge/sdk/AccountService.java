package io.reelforge.sdk;

import java.util.Map;

/** {@code client.account()}: the account and its ledger. */
public final class AccountService {
    private final Transport transport;

    AccountService(Transport transport) {
        this.transport = transport;
    }

    public Account get() {
        return transport.json(Transport.Call.get("/v1/account"), Account.class);
    }

    /** The ledger, newest first, auto-paginated. */
    public AutoPager<LedgerEntry> ledger() {
        return ledger(0);
    }

    /** The ledger with {@code pageSize} entries per request (0: the appliance's 20). */
    public AutoPager<LedgerEntry> ledger(int pageSize) {
        return new AutoPager<>(transport, "/v1/account/ledger", Map.of(), pageSize, LedgerEntry.class, null);
    }
}
