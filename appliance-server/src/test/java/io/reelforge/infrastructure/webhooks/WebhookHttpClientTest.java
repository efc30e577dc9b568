package io.reelforge.infrastructure.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookHttpClientTest {

    @Test
    void retryAfterReadsSecondsAndDatesAndCapsThem() {
        assertEquals(Duration.ofSeconds(30), WebhookHttpClient.retryAfter("30"));
        assertEquals(Duration.ofHours(24), WebhookHttpClient.retryAfter("999999"));
        assertNull(WebhookHttpClient.retryAfter("soon"));
        assertNull(WebhookHttpClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }
}
