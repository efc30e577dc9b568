package io.reelforge.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The ids of renders a clean stop interrupted, one per line, read and removed by the next start. */
final class HandBackNote {

    private static final Logger LOG = Logger.getLogger(HandBackNote.class.getName());

    private final Path file;

    HandBackNote(Path file) {
        this.file = file;
    }

    void write(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Files.write(file, ids);
        } catch (IOException e) {
            LOG.warning("could not note the renders stopped by this shutdown; they will count as interrupted: " + e);
        }
    }

    Set<String> read() {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().map(String::trim)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
