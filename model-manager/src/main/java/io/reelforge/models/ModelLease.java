package io.reelforge.models;

import io.reelforge.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A render's hold on one loaded model version. The version stays loaded while any lease on it is open, even
 * after another version was activated: a render finishes on the version it started on. Close it when the
 * render ends (try-with-resources); closing twice is harmless.
 */
public final class ModelLease implements AutoCloseable {

    private final ModelVersion version;
    private final VersionSlot slot;
    private final Engine engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    ModelLease(ModelVersion version, VersionSlot slot, Engine engine) {
        this.version = version;
        this.slot = slot;
        this.engine = engine;
    }

    public ModelVersion version() {
        return version;
    }

    public Engine engine() {
        if (closed.get()) {
            throw new IllegalStateException("lease on " + version.family() + "/" + version.version() + " is closed");
        }
        return engine;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            slot.release();
        }
    }
}
