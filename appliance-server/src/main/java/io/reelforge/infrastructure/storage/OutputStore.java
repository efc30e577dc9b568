package io.reelforge.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.infrastructure.config.Settings;

/**
 * Where clips and uploaded images live. The database keeps paths relative to the root, so the root can move
 * (a new mount point) without rewriting rows; every resolve is checked to stay inside the root. When an admin
 * changes the root in the console, new files go to the new root and older ones are still found under the
 * previous roots (nothing is moved).
 */
@ApplicationScoped
public class OutputStore {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    @Inject
    Settings settings;

    public Path root() {
        return settings.storageRoot();
    }

    public String outputFor(String generationId, Instant createdAt) {
        return fileFor(generationId, createdAt, ClipFile.VIDEO);
    }

    /** Where a generation's clip or poster frame lives: the same dated folder, told apart by extension. */
    public String fileFor(String generationId, Instant createdAt, ClipFile file) {
        return "videos/" + DAY.format(createdAt) + "/" + generationId + "." + file.extension();
    }

    /** Deletes every stored file of a generation (clip, poster frame); files already gone are fine. */
    public void deleteFiles(String generationId, Instant createdAt) {
        for (ClipFile f : ClipFile.values()) {
            delete(fileFor(generationId, createdAt, f));
        }
    }

    /** An uploaded start image; its format is sniffed from the bytes when it is decoded, never from a name. */
    public String inputFor(String generationId) {
        return "inputs/" + generationId + ".img";
    }

    /**
     * The absolute path of a stored relative path: under the current root, or under the first previous root
     * that has the file; refuses anything that would leave the root.
     */
    public Path resolve(String relative) {
        Path current = under(root(), relative);
        if (Files.exists(current)) {
            return current;
        }
        for (Path previous : settings.previousStorageRoots()) {
            Path p = under(previous, relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        return current;
    }

    private static Path under(Path root, String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the storage root");
        }
        return p;
    }

    /** A new file's path, always under the current root, its folders created. */
    public Path prepare(String relative) {
        Path p = under(root(), relative);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p.getParent(), e);
        }
        return p;
    }

    public void write(String relative, byte[] data) {
        try {
            Files.write(prepare(relative), data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    /** Deletes a stored file; a file already gone is fine. */
    public boolean delete(String relative) {
        if (relative == null) {
            return false;
        }
        try {
            return Files.deleteIfExists(resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + relative, e);
        }
    }
}
