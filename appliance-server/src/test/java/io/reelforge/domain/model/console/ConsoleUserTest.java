package io.reelforge.domain.model.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsoleUserTest {

    private final Instant now = Instant.parse("2026-11-24T20:00:00Z");

    @Test
    void changingThePrintedPasswordLiftsTheObligation() {
        ConsoleUser u = new ConsoleUser("admin", "hash", ConsoleRole.ADMIN, true, now);
        assertTrue(u.mustChangePassword());
        u.changePassword("new-hash");
        assertFalse(u.mustChangePassword());
    }

    @Test
    void aDisabledUserHasNoPermissionUntilEnabled() {
        ConsoleUser u = new ConsoleUser("ops", "hash", ConsoleRole.OPERATOR, false, now);
        assertTrue(u.permissions().contains("ledger:grant"));
        u.setDisabled(true);
        assertTrue(u.permissions().isEmpty());
        u.setDisabled(false);
        assertTrue(u.permissions().contains("ledger:grant"));
    }

    @Test
    void aResetPasswordMustBeChanged() {
        ConsoleUser u = new ConsoleUser("ops", "old", ConsoleRole.OPERATOR, false, now);
        u.resetPassword("one-time");
        assertTrue(u.mustChangePassword());
        org.junit.jupiter.api.Assertions.assertEquals("one-time", u.passwordHash());
    }
}
