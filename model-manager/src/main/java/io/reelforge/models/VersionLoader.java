package io.reelforge.models;

import io.reelforge.engine.Engine;

/**
 * How the registry turns a verified package into a resident engine: the one point where an engine library
 * (DJL) comes in, so this package depends on nothing heavy. {@code io.reelforge.djl.DjlVersionLoader} is the
 * implementation for TorchScript packages.
 */
public interface VersionLoader {

    /** Loads the components and checks that their shapes chain; the reason says what does not fit. */
    Loaded load(ModelPackage pkg) throws PackageException;

    /** A loaded version: its engine stays usable until {@link #close()} frees the (native) memory. */
    interface Loaded extends AutoCloseable {

        Engine engine();

        /** One sampling step at the smallest native size, end to end; refuses non-finite output. */
        void smokeTest() throws PackageException;

        @Override
        void close();
    }
}
