package io.reelforge.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings handed to an engine provider, looked up by key relative to the engine
 * (the appliance maps {@code reelforge.engine.<id>.<key>} onto {@code <key>}).
 */
@FunctionalInterface
public interface EngineSettings {

    Optional<String> get(String key);

    /**
     * An object the host hands its engines beside the string settings, by type: the appliance gives the djl engine
     * its database-backed {@code io.reelforge.models.VersionStore}. None by default.
     */
    default <T> Optional<T> service(Class<T> type) {
        return Optional.empty();
    }

    /** The id of the appliance node the engine runs in; empty outside an appliance. */
    default Optional<String> node() {
        return Optional.empty();
    }

    default Duration duration(String key, Duration fallback) {
        return get(key).filter(s -> !s.isBlank()).map(Duration::parse).orElse(fallback);
    }

    default int integer(String key, int fallback) {
        return get(key).filter(s -> !s.isBlank()).map(String::trim).map(Integer::parseInt).orElse(fallback);
    }

    static EngineSettings of(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    static EngineSettings from(Function<String, Optional<String>> lookup) {
        return lookup::apply;
    }

    static EngineSettings none() {
        return key -> Optional.empty();
    }
}
