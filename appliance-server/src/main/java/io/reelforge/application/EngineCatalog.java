package io.reelforge.application;

import java.util.Map;
import java.util.Optional;

import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.engine.Engine;
import io.reelforge.models.RegistryEngine;
import io.reelforge.remote.UpstreamEngine;

/**
 * The engines installed on this appliance, as the use cases see them: through the engine SPI and by capability,
 * never by an engine's class. Implemented by the engine registry.
 */
public interface EngineCatalog {

    /** The engine a new job of a key in this mode renders on (test keys: the sandbox); refused when it is not ready. */
    String engineIdFor(KeyMode mode);

    /** The engine with this id; refused as unavailable when none is installed. */
    Engine engine(String id);

    /** How many renders run at once on this node. */
    int renderSlots();

    /** Whether live keys render on this engine. */
    boolean isDefault(String id);

    /** Every installed engine by id. */
    Map<String, Engine> all();

    /** The engine that renders from a model registry, when one is installed. */
    Optional<RegistryEngine> modelEngine();

    /** The engine that renders on upstream servers, when one is installed. */
    Optional<UpstreamEngine> remoteEngine();
}
