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
 * unloaded when its last lease closes. Versions and pointers persist through a {@link VersionStore}; every
 * change is applied to the store's latest state ({@link VersionStore#update}), so registries of several
 * appliances on one shared store never lose each other's changes, and each re-reads a shared store before
 * every lease: an import or activation on one node is in effect on every node for its next render.
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
    private final String node;
    private final Map<String, ModelVersion> versions = new LinkedHashMap<>();
    private final Map<String, VersionSlot> slots = new HashMap<>();
    private final Map<String, String> active = new HashMap<>();
    private final Map<String, String> previous = new HashMap<>();
    private final Object activation = new Object();
    /** The family this registry's engine renders now; null: every family's active version may stay loaded. */
    private String serving;

    private ModelRegistry(Builder b) throws RegistryException {
        this.root = b.root.toAbsolutePath().normalize();
        this.loader = b.loader;
        this.store = b.store != null ? b.store : new FileVersionStore(root);
        this.maxArchiveBytes = b.maxArchiveBytes;
        this.node = b.node;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new RegistryException("storage.failed", "cannot read the model registry in " + root + ": " + e, e);
        }
        adoptFileIndex();
        VersionStore.Snapshot saved = read();
        if (saved.versions().stream().anyMatch(this::interruptedHere)) {
            change(latest -> replace(latest, latest.versions().stream().map(v -> interruptedHere(v)
                    ? v.failed("verification was interrupted by a restart; remove this version and import it again")
                    : v).toList()));
        } else {
            sync(saved);
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

    /**
     * Makes a READY version the family's active one, loading it here first; the one it replaces becomes previous.
     * On a shared store it is then the active version of every node for its next render.
     */
    public void activate(String family, String version) throws RegistryException {
        synchronized (activation) {
            refresh();
            VersionSlot target;
            synchronized (this) {
                requireReady(versions.get(key(family, version)), family, version);
                target = slots.get(key(family, version));
                target.reserve();
            }
            try {
                load(family, version, target);
                change(latest -> {
                    requireReady(find(latest, family, version).orElse(null), family, version);
                    String current = latest.active().get(family);
                    if (version.equals(current)) {
                        return latest;
                    }
                    Map<String, String> active = new HashMap<>(latest.active());
                    Map<String, String> previous = new HashMap<>(latest.previous());
                    active.put(family, version);
                    if (current != null) {
                        previous.put(family, current);
                    }
                    return new VersionStore.Snapshot(latest.versions(), active, previous);
                });
            } finally {
                target.release();
            }
        }
    }

    /** Re-activates the version that was active before the current one; returns it. */
    public ModelVersion rollback(String family) throws RegistryException {
        synchronized (activation) {
            refresh();
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

    /**
     * Re-reads the store: what another appliance on a shared store imported, activated, rolled back or removed is
     * then in effect here. Versions that are no longer active unload once their last lease closes.
     */
    public void refresh() throws RegistryException {
        sync(read());
    }

    /** Pins the family's active version for one render; close the lease when the render ends. */
    public ModelLease lease(String family) throws RegistryException {
        if (store.shared()) {
            try {
                refresh();
            } catch (RegistryException e) {
                LOG.log(Level.WARNING, "cannot re-read the model registry; leasing the version read last", e);
            }
        }
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
        refresh();
        synchronized (this) {
            VersionSlot slot = slots.get(key(family, version));
            if (slot != null && slot.loaded()) {
                throw inUse(family, version);
            }
        }
        change(latest -> {
            ModelVersion v = find(latest, family, version).orElseThrow(() -> unknown(family, version));
            if (v.state() == VersionState.PENDING) {
                throw new RegistryException("version.pending", family + "/" + version
                        + " is still being verified; remove it once it is READY or FAILED");
            }
            if (version.equals(latest.active().get(family))) {
                throw inUse(family, version);
            }
            Map<String, String> previous = new HashMap<>(latest.previous());
            previous.remove(family, version);
            return new VersionStore.Snapshot(latest.versions().stream().filter(x -> x != v).toList(),
                    latest.active(), previous);
        });
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

    private ModelVersion reserve(Path pkg) throws RegistryException {
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
                    + "'; known: " + ModelFamily.ids());
        }
        if (!VERSION.matcher(version).matches()) {
            throw new RegistryException("import.invalid", "the manifest's version '" + version + "' is not usable:"
                    + " 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        ModelVersion pending = new ModelVersion(family, version, VersionState.PENDING, null,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null, node);
        change(latest -> {
            Optional<ModelVersion> there = find(latest, family, version);
            if (there.isPresent()) {
                throw new RegistryException("version.duplicate", family + "/" + version + " is already in the"
                        + " registry (" + there.get().state() + "); give the new package another version");
            }
            List<ModelVersion> all = new ArrayList<>(latest.versions());
            all.add(pending);
            return replace(latest, all);
        });
        return pending;
    }

    private ModelVersion verify(ModelVersion pending, Path dir) {
        try (VersionLoader.Loaded loaded = loader.load(ModelPackage.open(dir))) {
            loaded.smokeTest();
            return pending.ready(ModelPackage.manifestDigest(dir));
        } catch (PackageException e) {
            return pending.failed(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return pending.failed("the package could not be loaded: " + e);
        }
    }

    private ModelVersion finish(ModelVersion done) throws RegistryException {
        change(latest -> replace(latest, latest.versions().stream()
                .map(v -> v.family().equals(done.family()) && v.version().equals(done.version()) ? done : v).toList()));
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

    private static void requireReady(ModelVersion v, String family, String version) throws RegistryException {
        if (v == null) {
            throw unknown(family, version);
        }
        if (v.state() != VersionState.READY) {
            throw new RegistryException("version.not_ready", family + "/" + version + " is " + v.state()
                    + " and cannot be activated" + (v.reason() == null ? "" : ": " + v.reason()));
        }
    }

    private static RegistryException unknown(String family, String version) {
        return new RegistryException("version.unknown", "no version " + version + " of " + family + " in the registry");
    }

    private static RegistryException inUse(String family, String version) {
        return new RegistryException("version.active", family + "/" + version
                + " is active or still rendering; activate another version and wait for its renders first");
    }

    private Optional<VersionSlot> slot(String family, String version) {
        return Optional.ofNullable(slots.get(key(family, version)));
    }

    private static Optional<ModelVersion> find(VersionStore.Snapshot s, String family, String version) {
        return s.versions().stream().filter(v -> v.family().equals(family) && v.version().equals(version)).findFirst();
    }

    private static VersionStore.Snapshot replace(VersionStore.Snapshot s, List<ModelVersion> versions) {
        return new VersionStore.Snapshot(versions, s.active(), s.previous());
    }

    /** A version this process left PENDING: its verification died with the process. */
    private boolean interruptedHere(ModelVersion v) {
        return v.state() == VersionState.PENDING && Objects.equals(v.node(), node);
    }

    private VersionStore.Snapshot read() throws RegistryException {
        try {
            return store.load();
        } catch (IOException | RuntimeException e) {
            throw new RegistryException("storage.failed", "cannot read the model registry: " + e.getMessage(), e);
        }
    }

    /** Applies a change to the store's latest state, then takes the saved state as this registry's. */
    private VersionStore.Snapshot change(VersionStore.Change change) throws RegistryException {
        VersionStore.Snapshot saved;
        try {
            saved = store.update(change);
        } catch (IOException | RuntimeException e) {
            throw new RegistryException("storage.failed", "cannot save the model registry: " + e.getMessage(), e);
        }
        sync(saved);
        return saved;
    }

    /**
     * Makes the saved state this registry's: a slot for every READY version (kept across syncs, so a loaded version
     * stays loaded), the active flags as the pointers say. A version no longer READY or gone drops its slot, which
     * unloads once its last lease closes.
     */
    private synchronized void sync(VersionStore.Snapshot saved) {
        Map<String, ModelVersion> next = new LinkedHashMap<>();
        saved.versions().forEach(v -> next.put(key(v.family(), v.version()), v));
        for (Map.Entry<String, ModelVersion> e : next.entrySet()) {
            ModelVersion v = e.getValue();
            if (v.state() == VersionState.READY && !slots.containsKey(e.getKey())) {
                // this process's own imports were verified in full here; another node's copy is checked at first load
                boolean verifiedHere = !store.shared() || Objects.equals(v.node(), node);
                slots.put(e.getKey(), new VersionSlot(dir(v.family(), v.version()), loader, v.digest(), verifiedHere));
            }
        }
        slots.entrySet().removeIf(e -> {
            ModelVersion v = next.get(e.getKey());
            if (v == null || v.state() != VersionState.READY) {
                e.getValue().setActive(false);
                return true;
            }
            return false;
        });
        versions.clear();
        versions.putAll(next);
        active.clear();
        active.putAll(saved.active());
        previous.clear();
        previous.putAll(saved.previous());
        keepLoaded();
    }

    /**
     * Names the family the engine renders now (its setting may change while the appliance runs): the active versions
     * of every other family unload once their last lease closes, so a switch of family does not keep the old model
     * in memory. The versions' states and pointers do not change.
     */
    public synchronized void serve(String family) {
        if (!Objects.equals(serving, family)) {
            serving = family;
            keepLoaded();
        }
    }

    /** A slot stays loaded while it is its family's active version and that family is served (or none is named). */
    private void keepLoaded() {
        slots.forEach((k, slot) -> {
            ModelVersion v = versions.get(k);
            slot.setActive(v.version().equals(active.get(v.family())) && (serving == null || serving.equals(v.family())));
        });
    }

    /**
     * A registry on another store (the appliance's database) takes over a {@code registry.json} left in the root by
     * an earlier version, once: versions it lacks are added (a PENDING one as FAILED), pointers a family lacks are
     * taken, then the file is renamed {@code registry.json.migrated}. When several appliances do it, the first one's
     * pointers win and every version is kept.
     */
    private void adoptFileIndex() throws RegistryException {
        if (store instanceof FileVersionStore) {
            return;
        }
        Path file = root.resolve(FileVersionStore.INDEX);
        if (!Files.isRegularFile(file)) {
            return;
        }
        VersionStore.Snapshot old;
        try {
            old = new FileVersionStore(root).load();
        } catch (IOException e) {
            throw new RegistryException("storage.failed", "cannot read the earlier model registry " + file
                    + " to move it into the database: " + e.getMessage(), e);
        }
        List<ModelVersion> adopted = new ArrayList<>();
        for (ModelVersion v : old.versions()) {
            ModelVersion mine = new ModelVersion(v.family(), v.version(), v.state(), v.reason(), v.importedAt(),
                    v.digest(), node);
            if (mine.state() == VersionState.PENDING) {
                mine = mine.failed("verification was interrupted by a restart; remove this version and import it again");
            } else if (mine.state() == VersionState.READY && mine.digest() == null) {
                try {
                    mine = mine.ready(ModelPackage.manifestDigest(dir(v.family(), v.version())));
                } catch (PackageException e) {
                    mine = mine.failed("its files are gone from " + dir(v.family(), v.version()) + ": " + e.getMessage());
                }
            }
            adopted.add(mine);
        }
        change(latest -> {
            List<ModelVersion> all = new ArrayList<>(latest.versions());
            adopted.stream().filter(v -> find(latest, v.family(), v.version()).isEmpty()).forEach(all::add);
            Map<String, String> active = new HashMap<>(old.active());
            active.putAll(latest.active());
            Map<String, String> previous = new HashMap<>(old.previous());
            previous.putAll(latest.previous());
            return new VersionStore.Snapshot(all, active, previous);
        });
        try {
            Files.move(file, file.resolveSibling(FileVersionStore.INDEX + ".migrated"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RegistryException("storage.failed", "moved " + file + " into the database but cannot rename it: "
                    + e.getMessage(), e);
        }
        LOG.info(() -> "model registry: the " + adopted.size() + " versions and the pointers of " + file
                + " are kept in the database now (the file is renamed " + FileVersionStore.INDEX + ".migrated)");
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
        private String node;

        private Builder() {
        }

        /**
         * This appliance's node id, recorded on the versions it imports: after a crash it fails only its own
         * PENDING versions, and on a shared store it verifies every component of another node's import before its
         * first load. Unset for a registry that one process uses.
         */
        public Builder optNode(String node) {
            this.node = node;
            return this;
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
