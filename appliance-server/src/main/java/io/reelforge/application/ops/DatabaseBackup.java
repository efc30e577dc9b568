package io.reelforge.application.ops;

import java.nio.file.Path;

/**
 * An online copy of the appliance's database while it keeps serving, which a stopped appliance can be restored
 * from. Implemented by the persistence layer (embedded Derby's own backup procedure).
 */
public interface DatabaseBackup {

    /** Whether this appliance can copy its database itself (embedded Derby); a PostgreSQL server is backed up with its own tools. */
    boolean supported();

    /**
     * Copies the database into {@code dir} (created if missing) and returns the copy's folder. Only when
     * {@link #supported()}.
     */
    Path copyInto(Path dir);
}
