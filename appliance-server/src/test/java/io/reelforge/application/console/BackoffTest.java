package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Instant now = Instant.parse("2026-12-04T20:00:00Z");

    @Test
    void freeFailuresThenDoublingDelaysUpToTheCap() {
        Backoff b = new Backoff(3, Duration.ofSeconds(10), Duration.ofMinutes(30));
        for (int i = 0; i < 3; i++) {
            b.failed("1.2.3.4", now);
            assertEquals(Optional.empty(), b.waitFor("1.2.3.4", now), "no wait within the free failures");
        }
        b.failed("1.2.3.4", now);
        assertEquals(Optional.of(Duration.ofSeconds(1)), b.waitFor("1.2.3.4", now));
        b.failed("1.2.3.4", now);
        assertEquals(Optional.of(Duration.ofSeconds(2)), b.waitFor("1.2.3.4", now));
        b.failed("1.2.3.4", now);
        b.failed("1.2.3.4", now);
        assertEquals(Optional.of(Duration.ofSeconds(8)), b.waitFor("1.2.3.4", now));
        for (int i = 0; i < 50; i++) {
            b.failed("1.2.3.4", now);
        }
        assertEquals(Optional.of(Duration.ofSeconds(10)), b.waitFor("1.2.3.4", now), "never past the cap");
        assertEquals(Optional.empty(), b.waitFor("1.2.3.4", now.plusSeconds(10)), "heard again once the delay passed");
        assertEquals(Optional.empty(), b.waitFor("5.6.7.8", now), "other keys are not slowed");
    }

    @Test
    void clearedAndForgottenKeysStartAgain() {
        Backoff b = new Backoff(0, Duration.ofMinutes(15), Duration.ofMinutes(30));
        b.failed("admin", now);
        assertTrue(b.waitFor("admin", now).isPresent());
        b.clear("admin");
        assertEquals(Optional.empty(), b.waitFor("admin", now));
        b.failed("admin", now);
        b.failed("admin", now);
        b.failed("admin", now.plus(Duration.ofMinutes(31)));
        assertEquals(Optional.of(Duration.ofSeconds(1)), b.waitFor("admin", now.plus(Duration.ofMinutes(31))),
                "failures older than the forget window no longer count");
    }
}
