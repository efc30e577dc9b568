package io.reelforge.domain.model.webhook;

import java.util.Locale;

public enum EndpointStatus {
    ACTIVE, DISABLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
