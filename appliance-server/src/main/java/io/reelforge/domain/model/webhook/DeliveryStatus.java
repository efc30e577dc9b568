package io.reelforge.domain.model.webhook;

import java.util.Locale;

/** pending (an attempt is due or will be), succeeded (a 2xx came back), failed (given up). */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
