package io.reelforge.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.webhook.AttemptOutcome;
import io.reelforge.domain.model.webhook.RetrySchedule;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.model.webhook.WebhookEvent;

/** The outcome label of {@code reelforge_webhook_attempts_total}, from where an attempt leaves its delivery. */
class WebhookDeliveriesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final RetrySchedule TWO_RETRIES = RetrySchedule.parse("PT5S,PT5M");

    private static WebhookDelivery delivery(String endpointId) {
        return new WebhookDelivery("msg_1", "account-1", endpointId, "https://cms.internal/hook", WebhookEvent.VIDEO_COMPLETED,
                "generation-1", "{}", NOW);
    }

    private static String outcome(WebhookDelivery d, AttemptOutcome o, boolean endpointDisabled) {
        d.record(o, TWO_RETRIES, NOW);
        return WebhookDeliveries.metricOutcome(d.status(), endpointDisabled);
    }

    @Test
    void aSuccessIsDeliveredAFailureWithRetriesLeftIsFailedThenItIsGivenUp() {
        WebhookDelivery d = delivery("we_1");
        assertEquals("failed", outcome(d, AttemptOutcome.response(500, "down", 12, null), false));
        assertEquals("failed", outcome(d, AttemptOutcome.error("timed out after 10 s", 10_000), false));
        assertEquals("gave_up", outcome(d, AttemptOutcome.response(502, "", 9, Duration.ofSeconds(30)), false));
        assertEquals("delivered", outcome(delivery("we_1"), AttemptOutcome.response(204, "", 8, null), false));
    }

    @Test
    void a410DisablesAnEndpointButOnlyGivesUpAGenerationsOwnUrl() {
        assertEquals("disabled", outcome(delivery("we_1"), AttemptOutcome.response(410, "gone", 5, null), true));
        assertEquals("gave_up", outcome(delivery(null), AttemptOutcome.response(410, "gone", 5, null), false));
    }
}
