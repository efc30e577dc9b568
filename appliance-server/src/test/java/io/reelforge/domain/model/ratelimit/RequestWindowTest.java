package io.reelforge.domain.model.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A fixed window: opened by the first request, the limit's requests in it, refused past it, fresh once it closes. */
class RequestWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-04T22:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theLimitsRequestsPassThenTheRestAreRefusedUntilTheWindowCloses() {
        RequestWindow w = new RequestWindow("key-1");
        for (int i = 1; i <= 3; i++) {
            RequestWindow.Outcome o = w.count(T0.plusSeconds(i), 3, MINUTE);
            assertTrue(o.allowed());
            assertEquals(i, o.used());
            assertEquals(T0.plusSeconds(1).plus(MINUTE), o.closesAt(), "the first request opened the window");
        }
        RequestWindow.Outcome refused = w.count(T0.plusSeconds(60), 3, MINUTE);
        assertFalse(refused.allowed());
        assertEquals(3, refused.used());

        RequestWindow.Outcome fresh = w.count(T0.plusSeconds(61), 3, MINUTE);
        assertTrue(fresh.allowed(), "a new window opens when the last one closed");
        assertEquals(1, fresh.used());
        assertEquals(T0.plusSeconds(61).plus(MINUTE), fresh.closesAt());
    }
}
