package io.reelforge.models;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Where the registry keeps its versions and pointers between restarts. The registry saves a whole
 * {@link Snapshot} after every change, under its own lock; an implementation only has to make a save atomic
 * (all of it or none). {@link FileVersionStore} is the default; the appliance may wrap its database.
 */
public interface VersionStore {

    /** The last saved state, or an empty one when nothing was ever saved. */
    Snapshot load() throws IOException;

    void save(Snapshot snapshot) throws IOException;

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
