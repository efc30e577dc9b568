package io.reelforge.models;

import java.nio.file.Path;

/**
 * The loaded engine of one READY version and who holds it: the version is loaded while it is active or
 * leased, and unloaded when it is neither. Callers reserve before loading so that a concurrent activation
 * cannot unload it between the two. The first load checks that the copy here is the package that was verified
 * (its manifest's digest), and, for a copy this process has not verified itself (another node imported it), every
 * component's sha256 too.
 */
final class VersionSlot {

    private final Path dir;
    private final VersionLoader loader;
    private final String digest;
    private boolean verified;
    private VersionLoader.Loaded loaded;
    private int holds;
    private boolean active;

    VersionSlot(Path dir, VersionLoader loader, String digest, boolean verified) {
        this.dir = dir;
        this.loader = loader;
        this.digest = digest;
        this.verified = verified;
    }

    synchronized void reserve() {
        holds++;
    }

    /** Loads on first use; the caller holds a reservation. */
    synchronized VersionLoader.Loaded ensureLoaded() throws PackageException {
        if (loaded == null) {
            if (digest != null && !digest.equalsIgnoreCase(ModelPackage.manifestDigest(dir))) {
                throw new PackageException(dir, "the copy in " + dir + " is not the package that was verified: its"
                        + " manifest.json has another sha256 than the registry records (" + digest + "); copy the"
                        + " version's folder from the node that imported it again");
            }
            loaded = loader.load(verified ? ModelPackage.openTrusted(dir) : ModelPackage.open(dir));
            verified = true;
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
