package io.reelforge.application.console;

import java.util.Optional;

/** Port: a setting's value as configured (system property, environment, properties file), before any run-time change. */
public interface ConfiguredSettings {

    Optional<String> configured(String name);
}
