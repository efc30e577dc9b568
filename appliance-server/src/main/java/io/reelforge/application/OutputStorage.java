package io.reelforge.application;

import java.nio.file.Path;
import java.time.Instant;

import io.reelforge.domain.model.generation.ClipFile;

/**
 * Where clips, posters and start images are kept, by paths relative to the storage root that the generations
 * record. Implemented by the output store.
 */
public interface OutputStorage {

    /** Free and total bytes of the file system holding the storage root; -1 each when it cannot be read (an unmounted share). */
    record Space(long freeBytes, long totalBytes) {
    }

    /** The current storage root. */
    Path root();

    /** The space of the file system holding the current storage root. */
    Space space();

    /** Where a generation's clip lives. */
    String outputFor(String generationId, Instant createdAt);

    /** Where a generation's clip or poster frame lives: the same dated folder, told apart by extension. */
    String fileFor(String generationId, Instant createdAt, ClipFile file);

    /** An uploaded start image's path. */
    String inputFor(String generationId);

    /** Refuses a new clip while the storage is down. */
    void refuseIfUnavailable();

    /** A new file's path, always under the current root, its folders created. */
    Path prepare(String relative);

    /** A stored file's path, under the current root or a previous one that has it. */
    Path resolve(String relative);

    /** Writes a new file. */
    void write(String relative, byte[] data);

    /** Deletes a stored file; one already gone is fine. */
    boolean delete(String relative);

    /** Deletes every stored file of a generation (clip, poster frame); files already gone are fine. */
    void deleteFiles(String generationId, Instant createdAt);
}
