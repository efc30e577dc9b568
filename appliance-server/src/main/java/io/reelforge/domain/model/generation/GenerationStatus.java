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
