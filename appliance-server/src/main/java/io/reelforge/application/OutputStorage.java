package io.reelforge.application;

import java.nio.file.Path;

/**
 * Where clips, posters and start images are kept, by paths relative to the storage root that the generations
 * record. Implemented by the output store.
 */
public interface OutputStorage {

    /** A new file's path, always under the current root, its folders created. */
    Path prepare(String relative);

    /** A stored file's path, under the current root or a previous one that has it. */
    Path resolve(String relative);

    /** Deletes a stored file; one already gone is fine. */
    boolean delete(String relative);
}
