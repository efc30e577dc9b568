package io.reelforge.application.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the appliance keeps its files: its own folders, and the storage root outputs go to (which an admin may
 * change in the console). Implemented by the settings; every path is absolute and normalized.
 */
public interface ApplianceFolders {

    /** The stored setting naming the storage root the console chose. */
    String STORAGE_ROOT = "reelforge.storage.root";

    /** The stored setting listing the roots used before the console changed it, newest first, a line each. */
    String PREVIOUS_STORAGE_ROOTS = "reelforge.storage.previous-roots";

    /** The appliance's own data: database, backups, logs. */
    Path dataDir();

    /** Where new outputs go: the console's choice, else the configured root. */
    Path storageRoot();

    /** Roots used before a change in the console, newest first: older outputs are still found there. */
    List<Path> previousStorageRoots();

    /** The folder under which the console may choose a storage root (itself included). */
    Path storageAllowedBase();

    Path keysDir();

    Path modelsDir();

    Path djlCacheDir();

    /** The folder model packages are imported from by server path. */
    Path modelImportDir();
}
