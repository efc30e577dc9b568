package io.reelforge.infrastructure.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The few settings needed before MicroProfile Config is there for the application (the data sources are made
 * first), looked up in the same order: system property, environment variable, the administrator's properties
 * file. Unlike Payara's {@code ${MPCONFIG=...}} in annotations, it sees that file.
 */
public final class EarlyConfig {

    private EarlyConfig() {
    }

    public static Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        if (value == null) {
            value = new PropertiesFileConfigSource().getValue(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
