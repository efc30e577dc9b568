package io.reelforge.domain.model.generation;

import java.util.Locale;

public enum GenerationStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED, CANCELED, EXPIRED;

    public boolean inFlight() {
        return this == QUEUED || this == PROCESSING;
    }

    public boolean terminal() {
        return !inFlight();
    }

    /**
     * Whether a job that ended so got its charge back: every failure and cancel is refunded as it happens
     * ({@code RenderLifecycle} is the one place a job ends), so the ledger nets such a job to nothing.
     */
    public boolean refunded() {
        return this == FAILED || this == CANCELED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GenerationStatus fromWire(String s) {
        for (GenerationStatus g : values()) {
            if (g.wireName().equals(s)) {
                return g;
            }
        }
        return null;
    }
}
