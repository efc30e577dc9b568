package io.reelforge.models;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the registry keeps its versions and pointers. Every change goes through {@link #update}: the change is
 * applied to the latest saved state and the result saved as one atomic step, so two writers (two threads, or two
 * appliances on one database) never lose each other's change. {@link FileVersionStore} is the default for a bare
 * registry; the appliance keeps them in its database, which several appliances may share ({@link #shared()}).
 */
public interface VersionStore {

    /** The last saved state, or an empty one when nothing was ever saved. */
    Snapshot load() throws IOException;

    /** Replaces the saved state as a whole. */
    void save(Snapshot snapshot) throws IOException;

    /**
     * Applies {@code change} to the latest saved state and saves what it returns, with no other save in between;
     * returns the saved state. When the change throws, nothing is saved. This default serialises the writers of
     * one process; a store that other processes write too must lock across them.
     */
    default Snapshot update(Change change) throws IOException, RegistryException {
        synchronized (this) {
            Snapshot next = change.apply(load());
            save(next);
            return next;
        }
    }

    /**
     * Whether other processes change this store too. The registry then re-reads it before every lease and on
     * {@link ModelRegistry#refresh()}, and verifies every component of a version another node imported before
     * its first load here.
     */
    default boolean shared() {
        return false;
    }

    /** A change of the registry's state, applied to the latest saved one; may refuse it. */
    @FunctionalInterface
    interface Change {
        Snapshot apply(Snapshot latest) throws RegistryException;
    }

    /**
     * Everything the registry persists.
     *
     * @param active   family id to the active version
     * @param previous family id to the version that was active before it (what rollback re-activates)
     */
    record Snapshot(List<ModelVersion> versions, Map<String, String> active, Map<String, String> previous) {

        public Snapshot {
            versions = List.copyOf(versions);
            active = Map.copyOf(active);
            previous = Map.copyOf(previous);
        }

        public static Snapshot empty() {
            return new Snapshot(List.of(), Map.of(), Map.of());
        }
    }
}
