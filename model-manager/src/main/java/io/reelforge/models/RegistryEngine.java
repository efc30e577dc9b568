package io.reelforge.models;

import java.util.Optional;

import io.reelforge.engine.Engine;

/**
 * An engine that renders the active version of a model family from a model registry: the capability the console's
 * model management needs (import, activate, roll back), whichever engine has it.
 */
public interface RegistryEngine extends Engine {

    /** The registry this engine renders from; empty if it could not open ({@link #status()} says why). */
    Optional<ModelRegistry> registry();

    /** The family whose active version renders. */
    ModelFamily family();
}
