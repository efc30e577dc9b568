package io.reelforge.servicetests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.reelforge.application.Ledger;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/** {@link Ledger}: the one writer of credits, and the balance kept on the account row beside the entries. */
@ExtendWith(ArquillianExtension.class)
class LedgerIT extends AccountTest {

    @Inject
    Ledger ledger;

    @Inject
    LedgerRepository entries;

    @Inject
    UserTransaction tx;

    @Test
    void aDeductionBelowZeroIsRefusedUnlessAllowedAndTheBalanceMatchesTheEntries() throws Exception {
        tx.begin();
        assertEquals(800, ledger.adjust(account, -200, "refund of an invoice", "admin", false));
        ReelforgeException refused = assertThrows(ReelforgeException.class,
                () -> ledger.adjust(account, -801, "too much", "admin", false));
        assertEquals("ledger.negative_balance", refused.code());
        tx.rollback();

        tx.begin();
        assertEquals(-200, ledger.adjust(account, -1_200, "chargeback", "admin", true));
        tx.commit();
        assertEquals(-200, fixtures.balance(account));
        assertTrue(entries.unreconciled().stream().noneMatch(m -> m.accountId().equals(account)), "balance = sum of entries");
    }

    @Test
    void anAdjustmentNeedsAReasonAndIsNeverZero() throws Exception {
        tx.begin();
        try {
            assertEquals("ledger.no_reason", assertThrows(ReelforgeException.class,
                    () -> ledger.adjust(account, 5, " ", "admin", false)).code());
            assertEquals("ledger.zero", assertThrows(ReelforgeException.class,
                    () -> ledger.adjust(account, 0, "nothing", "admin", false)).code());
        } finally {
            tx.rollback();
        }
        assertEquals(1_000, fixtures.balance(account));
    }
}
