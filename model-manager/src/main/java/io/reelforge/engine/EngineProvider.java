package io.reelforge.engine;

/**
 * The service-loader entry point of an engine ({@code META-INF/services/io.reelforge.engine.EngineProvider}).
 * The appliance hands each provider its settings; the provider builds the engine once.
 */
public interface EngineProvider {

    /** The id of the engine this provider makes. */
    String id();

    Engine create(EngineSettings settings);
}
