package io.reelforge.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The model versions of every family, their lifecycle and which one renders. Importing copies a package
 * (a folder, or a .zip or .tar archive unpacked safely) to {@code <root>/<family>/<version>/} as PENDING,
 * then verifies it (checksums, a load, a one-step smoke sample) and records READY or FAILED with the reason.
 * Each family has at most one active version; {@link #activate} and {@link #rollback} take effect for the
 * next {@link #lease}, while renders holding a lease finish on the version they started on, which is
 * unloaded when its last lease closes. Versions and pointers persist through a {@link VersionStore}.
 *
 * <p>Thread-safe. Verification and loading run outside the registry's lock, so a slow import does not hold
 * up leases; activations are serialised among themselves.
 */
public final class ModelRegistry implements AutoCloseable {

    /** 20 GiB: a little over the largest package the family table allows (Wan 2.1 14B in bf16 + encoders). */
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 20L << 30;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String STAGING = ".staging";
    private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final VersionLoader loader;
    private final VersionStore store;
    private final long maxArchiveBytes;
    private final Map<String, ModelVersion> versions = new LinkedHashMap<>();
    private final Map<String, VersionSlot> slots = new HashMap<>();
    private final Map<String, String> active = new HashMap<>();
    private final Map<String, String> previous = new HashMap<>();
    private final Object activation = new Object();

    private ModelRegistry(Builder b) throws RegistryException {
        this.root = b.root.toAbsolutePath().normalize();
        this.loader = b.loader;
        this.store = b.store != null ? b.store : new FileVersionStore(root);
        this.maxArchiveBytes = b.maxArchiveBytes;
        VersionStore.Snapshot saved;
        try {
            Files.createDirectories(root);
            saved = store.load();
        } catch (IOException e) {
            throw new RegistryException("storage.failed", "cannot read the model registry in " + root + ": " + e, e);
        }
        boolean interrupted = false;
        for (ModelVersion v : saved.versions()) {
            if (v.state() == VersionState.PENDING) {
                v = v.failed("verification was interrupted by a restart; remove this version and import it again");
                interrupted = true;
            }
            versions.put(key(v.family(), v.version()), v);
            if (v.state() == VersionState.READY) {
                slots.put(key(v.family(), v.version()), new VersionSlot(dir(v.family(), v.version()), loader));
            }
        }
        active.putAll(saved.active());
        previous.putAll(saved.previous());
        active.forEach((family, version) -> slot(family, version).ifPresent(s -> s.setActive(true)));
        if (interrupted) {
            persist();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Imports a package folder or archive and verifies it; returns the version READY or FAILED (with the
     * reason). Refused, with nothing recorded, when the manifest names no known family or a usable version,
     * when that family already has this version, or when an archive is unsafe.
     */
    public ModelVersion importPackage(Path source) throws RegistryException {
        return importPackage(source, pending -> { });
    }

    /**
     * As {@link #importPackage(Path)}, telling {@code onPending} as soon as the version is recorded PENDING (before
     * the copy and verification), so a caller can answer at once and let verification go on. Not called when the
     * import is refused.
     */
    public ModelVersion importPackage(Path source, Consumer<ModelVersion> onPending) throws RegistryException {
        Path staging = root.resolve(STAGING).resolve(UUID.randomUUID().toString());
        try {
            Path pkg = source;
            if (Archives.isArchive(source)) {
                Path unpacked = staging.resolve("unpacked");
                Files.createDirectories(unpacked);
                new Archives(maxArchiveBytes).unpack(source, unpacked);
                pkg = packageIn(unpacked);
            }
            ModelVersion pending = reserve(pkg);
            onPending.accept(pending);
            Path dir = dir(pending.family(), pending.version());
            try {
                deleteTree(dir);
                copyTree(pkg, dir);
            } catch (IOException | UncheckedIOException e) {
                return finish(pending.failed("could not copy the package into the registry: " + e.getMessage()));
            }
            return finish(verify(pending, dir));
        } catch (IOException e) {
            throw new RegistryException("import.invalid", "cannot read " + source + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "could not delete the staging folder " + staging, e);
            }
        }
    }

    /** Makes a READY version the family's active one, loading it first; the one it replaces becomes previous. */
    public void activate(String family, String version) throws RegistryException {
        synchronized (activation) {
            VersionSlot target;
            synchronized (this) {
                ModelVersion v = require(family, version);
                if (v.state() != VersionState.READY) {
                    throw new RegistryException("version.not_ready", family + "/" + version + " is " + v.state()
                            + " and cannot be activated" + (v.reason() == null ? "" : ": " + v.reason()));
                }
                target = slots.get(key(family, version));
                target.reserve();
            }
            try {
                load(family, version, target);
                synchronized (this) {
                    String current = active.get(family);
                    if (version.equals(current)) {
                        return;
                    }
                    String before = previous.get(family);
                    active.put(family, version);
                    if (current != null) {
                        previous.put(family, current);
                    }
                    try {
                        persist();
                    } catch (RegistryException e) {
                        restore(active, family, current);
                        restore(previous, family, before);
                        throw e;
                    }
                    target.setActive(true);
                    if (current != null) {
                        slot(family, current).ifPresent(s -> s.setActive(false));
                    }
                }
            } finally {
                target.release();
            }
        }
    }

    /** Re-activates the version that was active before the current one; returns it. */
    public ModelVersion rollback(String family) throws RegistryException {
        synchronized (activation) {
            String back;
            synchronized (this) {
                back = previous.get(family);
            }
            if (back == null) {
                throw new RegistryException("family.no_previous", "no earlier active version of " + family
                        + " to roll back to");
            }
            activate(family, back);
            return version(family, back).orElseThrow();
        }
    }

    /** Pins the family's active version for one render; close the lease when the render ends. */
    public ModelLease lease(String family) throws RegistryException {
        ModelVersion v;
        VersionSlot slot;
        synchronized (this) {
            String current = active.get(family);
            if (current == null) {
                throw new RegistryException("family.no_active", "no version of " + family + " is active");
            }
            v = versions.get(key(family, current));
            slot = slots.get(key(family, current));
            if (slot == null) { // only a hand-edited index gets here: active pointing at a non-READY version
                throw new RegistryException("version.load_failed", family + "/" + current + " is active but "
                        + (v == null ? "unknown" : v.state()) + "; activate a READY version");
            }
            slot.reserve();
        }
        try {
            return new ModelLease(v, slot, load(family, v.version(), slot).engine());
        } catch (RegistryException | RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** Deletes a version that is neither active nor loaded (e.g. a FAILED one, to import it again). */
    public void remove(String family, String version) throws RegistryException {
        synchronized (this) {
            if (require(family, version).state() == VersionState.PENDING) {
                throw new RegistryException("version.pending", family + "/" + version
                        + " is still being verified; remove it once it is READY or FAILED");
            }
            VersionSlot slot = slots.get(key(family, version));
            if (version.equals(active.get(family)) || slot != null && slot.loaded()) {
                throw new RegistryException("version.active", family + "/" + version
                        + " is active or still rendering; activate another version and wait for its renders first");
            }
            ModelVersion removed = versions.remove(key(family, version));
            slots.remove(key(family, version));
            boolean wasPrevious = version.equals(previous.get(family));
            if (wasPrevious) {
                previous.remove(family);
            }
            try {
                persist();
            } catch (RegistryException e) {
                versions.put(key(family, version), removed);
                if (slot != null) {
                    slots.put(key(family, version), slot);
                }
                if (wasPrevious) {
                    previous.put(family, version);
                }
                throw e;
            }
        }
        try {
            deleteTree(dir(family, version));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "removed " + family + "/" + version + " but could not delete its files", e);
        }
    }

    public synchronized List<ModelVersion> versions() {
        return List.copyOf(versions.values());
    }

    public synchronized List<ModelVersion> versions(String family) {
        return versions.values().stream().filter(v -> v.family().equals(family)).toList();
    }

    public synchronized Optional<ModelVersion> version(String family, String version) {
        return Optional.ofNullable(versions.get(key(family, version)));
    }

    public synchronized Optional<ModelVersion> active(String family) {
        return Optional.ofNullable(active.get(family)).map(v -> versions.get(key(family, v)));
    }

    public synchronized Optional<ModelVersion> previous(String family) {
        return Optional.ofNullable(previous.get(family)).map(v -> versions.get(key(family, v)));
    }

    /** Whether a version's engine is in memory now (active and used, or still leased by a render). */
    public synchronized boolean isLoaded(String family, String version) {
        return slot(family, version).map(VersionSlot::loaded).orElse(false);
    }

    /** The manifest of a recorded version's copy; empty when it is unreadable (a FAILED copy, files removed). */
    public Optional<Manifest> manifest(String family, String version) {
        Path dir = dir(family, version);
        try {
            return Optional.of(new ManifestReader(dir).read(dir.resolve(ModelPackage.MANIFEST)));
        } catch (PackageException e) {
            return Optional.empty();
        }
    }

    /** The folder a version's package lives in. */
    public Path dir(String family, String version) {
        return root.resolve(family).resolve(version);
    }

    /** Unloads every version; leases still open keep engines that no longer work. For shutdown. */
    @Override
    public synchronized void close() {
        slots.values().forEach(VersionSlot::unload);
    }

    private synchronized ModelVersion reserve(Path pkg) throws RegistryException {
        JsonNode manifest;
        try {
            manifest = JSON.readTree(pkg.resolve(ModelPackage.MANIFEST).toFile());
        } catch (IOException e) {
            throw new RegistryException("import.invalid", "no readable " + ModelPackage.MANIFEST + " in " + pkg
                    + ": " + e.getMessage(), e);
        }
        String family = manifest.path("family").asText("");
        String version = manifest.path("version").asText("");
        if (ModelFamily.byId(family).isEmpty()) {
            throw new RegistryException("import.invalid", "the manifest names unknown model family '" + family
                    + "'; known: " + Stream.of(ModelFamily.values()).map(ModelFamily::id).toList());
        }
        if (!VERSION.matcher(version).matches()) {
            throw new RegistryException("import.invalid", "the manifest's version '" + version + "' is not usable:"
                    + " 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (versions.containsKey(key(family, version))) {
            throw new RegistryException("version.duplicate", family + "/" + version + " is already in the registry ("
                    + versions.get(key(family, version)).state() + "); give the new package another version");
        }
        ModelVersion pending = new ModelVersion(family, version, VersionState.PENDING, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        versions.put(key(family, version), pending);
        try {
            persist();
        } catch (RegistryException e) {
            versions.remove(key(family, version));
            throw e;
        }
        return pending;
    }

    private ModelVersion verify(ModelVersion pending, Path dir) {
        try (VersionLoader.Loaded loaded = loader.load(ModelPackage.open(dir))) {
            loaded.smokeTest();
            return pending.ready();
        } catch (PackageException e) {
            return pending.failed(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return pending.failed("the package could not be loaded: " + e);
        }
    }

    private synchronized ModelVersion finish(ModelVersion done) throws RegistryException {
        versions.put(key(done.family(), done.version()), done);
        if (done.state() == VersionState.READY) {
            slots.put(key(done.family(), done.version()), new VersionSlot(dir(done.family(), done.version()), loader));
        }
        persist();
        LOG.info(() -> "model version " + done);
        return done;
    }

    private static VersionLoader.Loaded load(String family, String version, VersionSlot slot) throws RegistryException {
        try {
            return slot.ensureLoaded();
        } catch (PackageException e) {
            throw new RegistryException("version.load_failed", family + "/" + version + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    private ModelVersion require(String family, String version) throws RegistryException {
        ModelVersion v = versions.get(key(family, version));
        if (v == null) {
            throw new RegistryException("version.unknown", "no version " + version + " of " + family
                    + " in the registry");
        }
        return v;
    }

    private Optional<VersionSlot> slot(String family, String version) {
        return Optional.ofNullable(slots.get(key(family, version)));
    }

    private void persist() throws RegistryException {
        try {
            store.save(new VersionStore.Snapshot(new ArrayList<>(versions.values()), active, previous));
        } catch (IOException e) {
            throw new RegistryException("storage.failed", "cannot save the model registry: " + e.getMessage(), e);
        }
    }

    private static void restore(Map<String, String> map, String family, String value) {
        if (value == null) {
            map.remove(family);
        } else {
            map.put(family, value);
        }
    }

    private static String key(String family, String version) {
        return family + "/" + version;
    }

    /** The package in an unpacked archive: its top level, or the one folder there (tar czf of a folder). */
    private static Path packageIn(Path unpacked) throws IOException, RegistryException {
        if (Files.isRegularFile(unpacked.resolve(ModelPackage.MANIFEST))) {
            return unpacked;
        }
        try (Stream<Path> top = Files.list(unpacked)) {
            List<Path> entries = top.toList();
            if (entries.size() == 1 && Files.isRegularFile(entries.get(0).resolve(ModelPackage.MANIFEST))) {
                return entries.get(0);
            }
        }
        throw new RegistryException("import.invalid", "the archive holds no " + ModelPackage.MANIFEST
                + " at its top level or in a single top-level folder");
    }

    /** Plain files and folders only: links in an uploaded folder are not followed into the registry. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** {@code setX} for what is required, {@code optX} for what is not. */
    public static final class Builder {

        private Path root;
        private VersionLoader loader;
        private VersionStore store;
        private long maxArchiveBytes = DEFAULT_MAX_ARCHIVE_BYTES;

        private Builder() {
        }

        /** The folder that holds {@code <family>/<version>/} and, by default, the index. */
        public Builder setRoot(Path root) {
            this.root = root;
            return this;
        }

        /** How versions are loaded and smoke-tested, e.g. {@code new DjlVersionLoader(Device.cpu())}. */
        public Builder setLoader(VersionLoader loader) {
            this.loader = loader;
            return this;
        }

        /** Where versions and pointers persist; a {@link FileVersionStore} under the root by default. */
        public Builder optStore(VersionStore store) {
            this.store = store;
            return this;
        }

        /** The most bytes an archive may unpack to. */
        public Builder optMaxArchiveBytes(long maxArchiveBytes) {
            if (maxArchiveBytes <= 0) {
                throw new IllegalArgumentException("maxArchiveBytes must be positive");
            }
            this.maxArchiveBytes = maxArchiveBytes;
            return this;
        }

        /** Opens the registry, reading its saved state; a version left PENDING by a crash becomes FAILED. */
        public ModelRegistry build() throws RegistryException {
            Objects.requireNonNull(root, "setRoot is required");
            Objects.requireNonNull(loader, "setLoader is required");
            return new ModelRegistry(this);
        }
    }
}
