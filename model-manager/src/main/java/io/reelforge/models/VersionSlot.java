package io.reelforge.models;

import java.nio.file.Path;

/**
 * The loaded engine of one READY version and who holds it: the version is loaded while it is active or
 * leased, and unloaded when it is neither. Callers reserve before loading so that a concurrent activation
 * cannot unload it between the two.
 */
final class VersionSlot {

    private final Path dir;
    private final VersionLoader loader;
    private VersionLoader.Loaded loaded;
    private int holds;
    private boolean active;

    VersionSlot(Path dir, VersionLoader loader) {
        this.dir = dir;
        this.loader = loader;
    }

    synchronized void reserve() {
        holds++;
    }

    /** Loads on first use; the caller holds a reservation. */
    synchronized VersionLoader.Loaded ensureLoaded() throws PackageException {
        if (loaded == null) {
            loaded = loader.load(ModelPackage.openTrusted(dir));
        }
        return loaded;
    }

    synchronized void release() {
        holds--;
        unloadIfUnused();
    }

    synchronized void setActive(boolean active) {
        this.active = active;
        unloadIfUnused();
    }

    synchronized boolean loaded() {
        return loaded != null;
    }

    synchronized void unload() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }

    private void unloadIfUnused() {
        if (!active && holds == 0) {
            unload();
        }
    }
}
