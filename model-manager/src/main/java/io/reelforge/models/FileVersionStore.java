package io.reelforge.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The registry's state as one JSON file ({@code <root>/registry.json}), replaced atomically: written to a
 * temporary file beside it, forced to disk, then renamed over it, so a crash leaves the old or the new index
 * and never half of one.
 */
public final class FileVersionStore implements VersionStore {

    public static final String INDEX = "registry.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public FileVersionStore(Path root) {
        this.file = root.resolve(INDEX);
    }

    @Override
    public Snapshot load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Snapshot.empty();
        }
        return JSON.readValue(file.toFile(), Snapshot.class);
    }

    @Override
    public void save(Snapshot snapshot) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(INDEX + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            JSON.writeValue(out, snapshot);
        }
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
