package io.reelforge.servicetests;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that works on an account of its own with 1,000 credits, and ends what it left in flight. */
abstract class AccountTest {

    @Inject
    Fixtures fixtures;

    String account;

    /** The balance after one live clip on the account's plan. */
    long afterOneClip;

    @BeforeEach
    void newAccount() {
        fixtures.ready();
        account = fixtures.account(1_000);
        afterOneClip = 1_000 - fixtures.clipPrice();
    }

    @AfterEach
    void endLeftovers() {
        fixtures.cancelInFlight(account);
    }
}
