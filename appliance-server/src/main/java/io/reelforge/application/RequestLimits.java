package io.reelforge.application;

import java.time.Duration;

/** The appliance's settings for API requests: how fast they may come, how long a repeated one is recognised. Implemented by the settings. */
public interface RequestLimits {

    /** Requests per minute per API key on this plan (0: no limit). */
    int requestsPerMinute(String planId);

    /** How long an Idempotency-Key's first response is kept. */
    Duration idempotencyTtl();
}
