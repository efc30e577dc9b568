package io.reelforge.application;

import io.reelforge.engine.Engine;

/**
 * The engines installed on this appliance, as the use cases see them, through the engine SPI only (no engine is
 * named by its class). Implemented by the engine registry.
 */
public interface EngineCatalog {

    /** The engine with this id; refused as unavailable when none is installed. */
    Engine engine(String id);
}
