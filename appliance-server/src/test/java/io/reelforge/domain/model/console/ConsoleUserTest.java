package io.reelforge.domain.model.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsoleUserTest {

    private final Instant now = Instant.parse("2026-11-24T20:00:00Z");

    @Test
    void locksAfterTooManyFailuresForAWhile() {
        ConsoleUser u = new ConsoleUser("admin", "hash", ConsoleRole.ADMIN, true, now);
        for (int i = 0; i < 4; i++) {
            u.loginFailed(now, 5, Duration.ofMinutes(5));
        }
        assertFalse(u.isLockedAt(now));
        u.loginFailed(now, 5, Duration.ofMinutes(5));
        assertTrue(u.isLockedAt(now.plusSeconds(299)));
        assertFalse(u.isLockedAt(now.plusSeconds(300)));
    }

    @Test
    void successResetsTheCount() {
        ConsoleUser u = new ConsoleUser("admin", "hash", ConsoleRole.ADMIN, true, now);
        for (int i = 0; i < 4; i++) {
            u.loginFailed(now, 5, Duration.ofMinutes(5));
        }
        u.loginSucceeded();
        u.loginFailed(now, 5, Duration.ofMinutes(5));
        assertFalse(u.isLockedAt(now));
    }

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
    void aResetPasswordMustBeChangedAndEndsALockout() {
        ConsoleUser u = new ConsoleUser("ops", "old", ConsoleRole.OPERATOR, false, now);
        for (int i = 0; i < 5; i++) {
            u.loginFailed(now, 5, Duration.ofMinutes(5));
        }
        assertTrue(u.isLockedAt(now));
        u.resetPassword("one-time");
        assertFalse(u.isLockedAt(now));
        assertTrue(u.mustChangePassword());
        org.junit.jupiter.api.Assertions.assertEquals("one-time", u.passwordHash());
    }
}
