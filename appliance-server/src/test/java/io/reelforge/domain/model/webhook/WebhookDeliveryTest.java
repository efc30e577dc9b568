package io.reelforge.domain.model.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    static final RetrySchedule SCHEDULE = RetrySchedule.parse("PT5S, PT5M,PT30M");

    static WebhookDelivery delivery() {
        return new WebhookDelivery("msg_1", "acc", "we_1", "http://10.0.0.1/h", WebhookEvent.VIDEO_COMPLETED, "gen", "{}", T0);
    }

    @Test
    void retriesOnTheScheduleThenGivesUp() {
        WebhookDelivery d = delivery();
        assertTrue(d.claim(T0, Duration.ofMinutes(1)));
        assertFalse(d.claim(T0, Duration.ofMinutes(1)), "a claimed delivery is not claimed twice");
        d.record(AttemptOutcome.response(500, "no", 10, null), SCHEDULE, T0);
        assertEquals(T0.plusSeconds(5), d.nextAttemptAt());
        assertFalse(d.claim(T0.plusSeconds(4), Duration.ofMinutes(1)));
        assertTrue(d.claim(T0.plusSeconds(5), Duration.ofMinutes(1)));
        d.record(AttemptOutcome.error("timed out", 10_000), SCHEDULE, T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5).plus(Duration.ofMinutes(5)), d.nextAttemptAt());
        d.record(AttemptOutcome.response(503, "", 1, null), SCHEDULE, T0.plusSeconds(400));
        assertEquals(DeliveryStatus.PENDING, d.status());
        d.record(AttemptOutcome.response(503, "", 1, null), SCHEDULE, T0.plusSeconds(4000));
        assertEquals(DeliveryStatus.FAILED, d.status(), "four attempts: the first and three retries");
        assertEquals(4, d.attempts());
        assertNull(d.nextAttemptAt());
    }

    @Test
    void retryAfterLongerThanTheScheduleWins() {
        WebhookDelivery d = delivery();
        d.record(AttemptOutcome.response(429, "", 1, Duration.ofSeconds(90)), SCHEDULE, T0);
        assertEquals(T0.plusSeconds(90), d.nextAttemptAt());
        d.record(AttemptOutcome.response(429, "", 1, Duration.ofSeconds(1)), SCHEDULE, T0);
        assertEquals(T0.plus(Duration.ofMinutes(5)), d.nextAttemptAt(), "a shorter Retry-After does not hurry it");
    }

    @Test
    void goneStopsAtOnceAndRedeliveryStartsAFreshSchedule() {
        WebhookDelivery d = delivery();
        DeliveryAttempt a = d.record(AttemptOutcome.response(410, "bye", 3, null), SCHEDULE, T0);
        assertEquals(DeliveryStatus.FAILED, d.status());
        assertEquals(410, a.statusCode());
        d.redeliver(T0.plusSeconds(60));
        assertEquals(DeliveryStatus.PENDING, d.status());
        assertTrue(d.claim(T0.plusSeconds(60), Duration.ofMinutes(1)));
        d.record(AttemptOutcome.response(500, "", 1, null), SCHEDULE, T0.plusSeconds(60));
        assertEquals(T0.plusSeconds(65), d.nextAttemptAt(), "the schedule starts over");
        d.record(AttemptOutcome.response(204, "", 1, null), SCHEDULE, T0.plusSeconds(65));
        assertEquals(DeliveryStatus.SUCCEEDED, d.status());
        assertEquals("msg_1", d.messageId());
        assertEquals(3, d.attempts());
    }

    @Test
    void rotatedSecretsSignTogetherUntilTheGraceEnds() {
        SigningSecrets s = SigningSecrets.fresh();
        String old = s.current();
        assertTrue(old.startsWith("whsec_"));
        String fresh = s.rotate(Duration.ofHours(1), T0);
        assertEquals(java.util.List.of(fresh, old), s.valid(T0.plusSeconds(3599)));
        assertEquals(java.util.List.of(fresh), s.valid(T0.plusSeconds(3600)));
    }

    @Test
    void endpointFiltersEventsAndStopsWhenDisabled() {
        WebhookEndpoint all = new WebhookEndpoint("acc", WebhookUrl.parse("url", "https://x.internal/h"), null,
                java.util.Set.of(), T0);
        WebhookEndpoint some = new WebhookEndpoint("acc", WebhookUrl.parse("url", "https://x.internal/h"), null,
                java.util.Set.of(WebhookEvent.VIDEO_FAILED), T0);
        assertTrue(all.wants(WebhookEvent.VIDEO_EXPIRED));
        assertTrue(some.wants(WebhookEvent.VIDEO_FAILED));
        assertFalse(some.wants(WebhookEvent.VIDEO_COMPLETED));
        some.disable("410");
        assertFalse(some.wants(WebhookEvent.VIDEO_FAILED));
    }
}
