package io.reelforge.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.reelforge.domain.model.account.Account;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;

/**
 * {@code storeUniquelyNamed} on real Derby and PostgreSQL: the name key (RF_ACCOUNT_NAMEKEY, names compared without
 * case) refuses a second account of one name, and the repository reports it as false for the console to answer 409.
 */
class AccountNameKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"derby", "postgresql"})
    void aSecondAccountOfOneNameIsRefusedByTheNameKey(String kind) throws Exception {
        try (TransactionalRepositories db = TransactionalRepositories.open(kind, "name-key")) {
            AccountRepository accounts = db.accounts();
            db.inTransaction(() -> db.em().persist(new Plan("name-key", "Name key", 1000, 0, true, 45, 100)));
            assertTrue(db.inTransaction(() -> accounts.storeUniquelyNamed(account(db, "Acme"))));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                if (!accounts.storeUniquelyNamed(account(db, "ACME"))) {
                    throw new IllegalStateException("name taken");
                }
            }));
            assertEquals("name taken", refused.getMessage());
            assertTrue(db.inTransaction(() -> accounts.storeUniquelyNamed(account(db, "Acme two"))));
        }
    }

    private static Account account(TransactionalRepositories db, String name) {
        return new Account(name, db.em().find(Plan.class, "name-key"), 2, NOW);
    }
}
