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

import io.reelforge.application.OutputStorage;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.infrastructure.config.Settings;

/**
 * Where clips and uploaded images live. The database keeps paths relative to the root, so the root can move
 * (a new mount point) without rewriting rows; every resolve is checked to stay inside the root. When an admin
 * changes the root in the console, new files go to the new root and older ones are still found under the
 * previous roots (nothing is moved).
 */
@ApplicationScoped
public class OutputStore implements OutputStorage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    @Inject
    Settings settings;

    @Override
    public Path root() {
        return settings.storageRoot();
    }

    @Override
    public Space space() {
        DiskSpace d = DiskSpace.of(root());
        return new Space(d.freeBytes(), d.totalBytes());
    }

    @Override
    public String outputFor(String generationId, Instant createdAt) {
        return fileFor(generationId, createdAt, ClipFile.VIDEO);
    }

    /** Where a generation's clip or poster frame lives: the same dated folder, told apart by extension. */
    @Override
    public String fileFor(String generationId, Instant createdAt, ClipFile file) {
        return "videos/" + DAY.format(createdAt) + "/" + generationId + "." + file.extension();
    }

    /** Deletes every stored file of a generation (clip, poster frame); files already gone are fine. */
    @Override
    public void deleteFiles(String generationId, Instant createdAt) {
        for (ClipFile f : ClipFile.values()) {
            delete(fileFor(generationId, createdAt, f));
        }
    }

    /** What the storage probe found: writable or not, free MiB (or -1 when unknown), why it is down (or null). */
    public record Health(boolean writable, long freeMb, long minFreeMb, String problem) {
        public boolean up() {
            return problem == null;
        }
    }

    private static final long MIB = 1024 * 1024;
    private static final java.time.Duration PROBE_TTL = java.time.Duration.ofSeconds(2);
    private volatile Health lastHealth;
    private volatile Instant lastProbe = Instant.EPOCH;

    /** Probes the current root: it can be written to, and has at least the configured free space. */
    public Health health() {
        Path root = root();
        long minFree = settings.storageMinFreeMb();
        Health h;
        try {
            Files.createDirectories(root);
            Files.delete(Files.createTempFile(root, ".health-", ".tmp"));
            long free = Files.getFileStore(root).getUsableSpace() / MIB;
            h = new Health(true, free, minFree, free >= minFree ? null : "less than " + minFree + " MiB free");
        } catch (IOException | RuntimeException e) {
            h = new Health(false, -1, minFree, "not writable");
        }
        lastHealth = h;
        lastProbe = Instant.now();
        return h;
    }

    /** Refuses a new clip while the storage is down (the probe is reused for a couple of seconds under load). */
    @Override
    public void refuseIfUnavailable() {
        Health h = lastHealth;
        if (h == null || lastProbe.plus(PROBE_TTL).isBefore(Instant.now())) {
            h = health();
        }
        if (!h.up()) {
            throw new io.reelforge.domain.shared.StorageUnavailableException(h.problem(), 60);
        }
    }

    /**
     * Deletes the hidden {@code .<id>.mp4.<n>.partial} files an encoder leaves when the process dies mid-render
     * (kill -9, power cut), under the current and previous roots. A render that is still writing touches its
     * file every frame, so one untouched for {@code idle} is abandoned; at start, before any render runs here, every
     * one is, except those of the jobs {@code inUse} names (another node renders them to the shared root).
     * Returns how many were deleted.
     */
    public int deleteAbandonedPartials(java.time.Duration idle, java.util.function.Predicate<String> inUse) {
        Instant before = Instant.now().minus(idle);
        int deleted = 0;
        java.util.List<Path> roots = new java.util.ArrayList<>(settings.previousStorageRoots());
        roots.add(0, root());
        for (Path root : roots) {
            Path videos = root.resolve("videos");
            if (!Files.isDirectory(videos)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(videos)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && name.endsWith(".partial") && Files.isRegularFile(p)
                            && Files.getLastModifiedTime(p).toInstant().isBefore(before)
                            && !inUse.test(generationOf(name)) && Files.deleteIfExists(p)) {
                        deleted++;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable folder: the next run tries again; storage health reports the fault itself
                java.util.logging.Logger.getLogger(OutputStore.class.getName())
                        .warning("cannot clean abandoned partial files under " + videos + ": " + e.getMessage());
            }
        }
        return deleted;
    }

    /** The generation id in a partial file's name, {@code .<id>.mp4.<n>.partial}. */
    private static String generationOf(String partialName) {
        int dot = partialName.indexOf('.', 1);
        return dot < 0 ? "" : partialName.substring(1, dot);
    }

    /** An uploaded start image; its format is sniffed from the bytes when it is decoded, never from a name. */
    @Override
    public String inputFor(String generationId) {
        return "inputs/" + generationId + ".img";
    }

    /**
     * The absolute path of a stored relative path: under the current root, or under the first previous root
     * that has the file; refuses anything that would leave the root.
     */
    @Override
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
    @Override
    public Path prepare(String relative) {
        Path p = under(root(), relative);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p.getParent(), e);
        }
        return p;
    }

    @Override
    public void write(String relative, byte[] data) {
        try {
            Files.write(prepare(relative), data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    /** Deletes a stored file; a file already gone is fine. */
    @Override
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
