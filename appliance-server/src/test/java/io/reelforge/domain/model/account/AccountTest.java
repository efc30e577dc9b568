package io.reelforge.domain.model.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.generation.Resolution;

class AccountTest {

    private final Account account = new Account("team", new Plan("pro", "Pro", 60_000, 0, true, 90, 5_000), 5,
            Instant.parse("2026-11-24T20:00:00Z"));

    @Test
    void allowsEveryResolutionUntilLimited() {
        assertTrue(account.allows(Resolution.P720));
        assertTrue(account.allows(Resolution.P1080));
        account.allowResolutions(Set.of(Resolution.P720));
        assertTrue(account.allows(Resolution.P720));
        assertFalse(account.allows(Resolution.P1080));
        assertEquals(EnumSet.of(Resolution.P720), account.allowedResolutions());
    }

    @Test
    void anEmptyOrFullSetLiftsTheLimit() {
        account.allowResolutions(Set.of(Resolution.P720));
        account.allowResolutions(Set.of());
        assertTrue(account.allows(Resolution.P1080));
        account.allowResolutions(Set.of(Resolution.P720));
        account.allowResolutions(EnumSet.allOf(Resolution.class));
        assertTrue(account.allows(Resolution.P1080));
    }

    @Test
    void theDailyCapIsOptional() {
        assertTrue(account.dailyClipCap().isEmpty());
        account.capDailyClips(20);
        assertEquals(20, account.dailyClipCap().getAsInt());
        account.capDailyClips(null);
        assertTrue(account.dailyClipCap().isEmpty());
    }
}
