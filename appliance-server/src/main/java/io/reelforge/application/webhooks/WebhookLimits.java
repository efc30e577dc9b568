package io.reelforge.application.webhooks;

import java.time.Duration;
import java.util.List;

/** The appliance's settings for webhooks: endpoints, secrets, deliveries and where they may go. Implemented by the settings. */
public interface WebhookLimits {

    /** How long one webhook attempt may take, connect to last byte. */
    Duration webhookTimeout();

    /** The waits before each retry of a failed webhook delivery, as {@code RetrySchedule} parses them. */
    String webhookRetrySchedule();

    /** How long a rotated-out webhook secret keeps signing. */
    Duration webhookSecretGrace();

    /** Endpoints one account may have. */
    int webhookMaxEndpoints();

    /** Addresses or CIDR ranges that webhooks may reach even though they are loopback, link-local or metadata. */
    List<String> webhookAllowedAddresses();
}
