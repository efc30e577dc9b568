package io.reelforge.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Folder trees the harness copies and removes: an appliance's Payara root, the schema template, a browser profile. */
final class Trees {

    private Trees() {
    }

    /** Copies the tree at {@code from} to {@code to}, which must not exist yet (its parents are made). */
    static void copy(Path from, Path to) throws IOException {
        try (var tree = Files.walk(from)) {
            for (Path p : tree.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Removes the tree at {@code root}, if there is one. */
    static void delete(Path root) throws IOException {
        if (Files.notExists(root)) {
            return;
        }
        try (var tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
