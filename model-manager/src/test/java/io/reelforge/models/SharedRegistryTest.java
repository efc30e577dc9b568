package io.reelforge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.reelforge.djl.DjlVersionLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries of two appliances ("nodes") on one shared store, as on one database: an import or activation on one is
 * in effect on the other for its next lease, concurrent changes keep each other, a copy of the package on the other
 * node is checked against what was verified, and an earlier file index moves into the store without losing a READY
 * version or the active pointer.
 */
class SharedRegistryTest {

    private static final String WAN = "wan2.1-t2v-1.3b";

    @TempDir
    Path tmp;
    private final List<ModelRegistry> open = new ArrayList<>();

    /** The database of the appliance, reduced to what the registry needs: one shared snapshot. */
    static final class SharedStore implements VersionStore {
        private Snapshot saved = Snapshot.empty();
        int saves;

        @Override
        public synchronized Snapshot load() {
            return saved;
        }

        @Override
        public synchronized void save(Snapshot snapshot) {
            saved = snapshot;
            saves++;
        }

        @Override
        public boolean shared() {
            return true;
        }
    }

    @AfterEach
    void close() {
        open.forEach(ModelRegistry::close);
    }

    private ModelRegistry node(String id, Path root, VersionStore store) throws RegistryException {
        ModelRegistry r = ModelRegistry.builder().setRoot(root).setLoader(new DjlVersionLoader(Device.cpu()))
                .optStore(store).optNode(id).build();
        open.add(r);
        return r;
    }

    private ModelVersion importTiny(ModelRegistry r, String version) throws Exception {
        return r.importPackage(TinyPackages.copy("tiny-wan", tmp.resolve("uploads-" + version), version));
    }

    private static String leased(ModelRegistry r) throws RegistryException {
        try (ModelLease lease = r.lease(WAN)) {
            return lease.version().version();
        }
    }

    @Test
    void anImportAndAnActivationOnOneNodeRenderOnTheOtherOnASharedModelsDir() throws Exception {
        SharedStore store = new SharedStore();
        ModelRegistry a = node("node-a", tmp.resolve("shared-models"), store);
        ModelRegistry b = node("node-b", tmp.resolve("shared-models"), store);
        ModelVersion v1 = importTiny(a, "v1");
        assertEquals(VersionState.READY, v1.state(), v1.reason());
        assertEquals("node-a", v1.node());
        assertTrue(v1.digest().matches("[0-9a-f]{64}"), v1.digest());
        assertEquals("family.no_active", assertThrows(RegistryException.class, () -> b.lease(WAN)).code());

        a.activate(WAN, "v1");
        assertEquals("v1", leased(b), "A's activation is B's next lease, without a refresh call");
        assertTrue(b.isLoaded(WAN, "v1"), "B loaded its own engine for it");

        importTiny(b, "v2");
        b.activate(WAN, "v2");
        assertEquals("v2", leased(a));
        assertEquals("v1", a.previous(WAN).orElseThrow().version());
        assertFalse(b.isLoaded(WAN, "v1"), "B's replaced version unloads");
        a.refresh();
        assertFalse(a.isLoaded(WAN, "v1"), "and A's, once A has seen the change");
        assertEquals("v1", b.rollback(WAN).version());
        assertEquals("v1", leased(a));
        assertEquals("version.active", assertThrows(RegistryException.class, () -> b.remove(WAN, "v1")).code(),
                "the active version cannot be removed from any node");
        a.remove(WAN, "v2");
        b.refresh();
        assertEquals(List.of("v1"), b.versions(WAN).stream().map(ModelVersion::version).toList());
    }

    @Test
    void changesOnTwoNodesFromStaleViewsKeepEachOther() throws Exception {
        SharedStore store = new SharedStore();
        ModelRegistry[] nodes = {node("node-a", tmp.resolve("models"), store), node("node-b", tmp.resolve("models"), store)};
        ModelRegistry a = nodes[0];
        ModelRegistry b = nodes[1];
        importTiny(a, "v1");
        // B has not re-read the store since: its import must not drop A's version
        importTiny(b, "v2");
        assertEquals(List.of("v1", "v2"), store.load().versions().stream().map(ModelVersion::version).toList());
        assertEquals("version.duplicate", assertThrows(RegistryException.class,
                () -> b.importPackage(TinyPackages.copy("tiny-wan", tmp.resolve("again"), "v1"))).code(),
                "a version another node imported is a duplicate here too");
        a.activate(WAN, "v2");
        b.activate(WAN, "v1");
        assertEquals(Map.of(WAN, "v1"), store.load().active());
        assertEquals(Map.of(WAN, "v2"), store.load().previous());
    }

    @Test
    void aCopyPerNodeIsVerifiedAgainstWhatTheImportingNodeVerified() throws Exception {
        SharedStore store = new SharedStore();
        ModelRegistry a = node("node-a", tmp.resolve("models-a"), store);
        ModelRegistry b = node("node-b", tmp.resolve("models-b"), store);
        importTiny(a, "v1");
        importTiny(a, "v2");
        a.activate(WAN, "v1");
        assertEquals("version.load_failed", assertThrows(RegistryException.class, () -> b.lease(WAN)).code(),
                "B has no copy of v1 yet");

        copy(a.dir(WAN, "v1"), b.dir(WAN, "v1"));
        assertEquals("v1", leased(b), "B's copy of v1 passes every checksum");

        copy(a.dir(WAN, "v2"), b.dir(WAN, "v2"));
        Path denoiser = b.dir(WAN, "v2").resolve("denoiser.pt");
        byte[] bytes = Files.readAllBytes(denoiser);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(denoiser, bytes);
        a.activate(WAN, "v2");
        RegistryException corrupt = assertThrows(RegistryException.class, () -> b.lease(WAN));
        assertEquals("version.load_failed", corrupt.code());
        assertTrue(corrupt.getMessage().contains("sha256"), corrupt.getMessage());

        Path manifest = b.dir(WAN, "v2").resolve(ModelPackage.MANIFEST);
        copy(a.dir(WAN, "v2"), b.dir(WAN, "v2"));
        Files.writeString(manifest, Files.readString(manifest).replace("tiny-wan", "other-wan"), StandardCharsets.UTF_8);
        RegistryException other = assertThrows(RegistryException.class, () -> b.lease(WAN));
        assertTrue(other.getMessage().contains("not the package that was verified"), other.getMessage());
    }

    @Test
    void aFileIndexMovesIntoTheStoreWithItsReadyVersionsAndPointers() throws Exception {
        Path models = tmp.resolve("models");
        ModelRegistry file = ModelRegistry.builder().setRoot(models).setLoader(new DjlVersionLoader(Device.cpu())).build();
        file.importPackage(TinyPackages.copy("tiny-wan", tmp.resolve("up1"), "v1"));
        file.importPackage(TinyPackages.copy("tiny-wan", tmp.resolve("up2"), "v2"));
        file.importPackage(TinyPackages.copy("tiny-wan-badshape", tmp.resolve("up3"), "v3"));
        file.activate(WAN, "v1");
        file.activate(WAN, "v2");
        List<String> states = file.versions().stream().map(v -> v.version() + " " + v.state()).toList();
        file.close();

        SharedStore store = new SharedStore();
        ModelRegistry upgraded = node("node-a", models, store);
        assertEquals(states, upgraded.versions().stream().map(v -> v.version() + " " + v.state()).toList());
        assertEquals("v2", upgraded.active(WAN).orElseThrow().version());
        assertEquals("v1", upgraded.previous(WAN).orElseThrow().version());
        assertEquals("v2", leased(upgraded));
        assertFalse(Files.exists(models.resolve(FileVersionStore.INDEX)));
        assertTrue(Files.exists(models.resolve(FileVersionStore.INDEX + ".migrated")));
        assertTrue(upgraded.version(WAN, "v1").orElseThrow().digest() != null, "the digest of each READY copy is taken");

        int saves = store.saves;
        node("node-a", models, store);
        assertEquals(saves, store.saves, "a second start finds nothing left to move");
    }

    @Test
    void onlyTheNodeThatLeftAVersionPendingFailsItAtItsNextStart() throws Exception {
        SharedStore store = new SharedStore();
        store.save(new VersionStore.Snapshot(List.of(
                new ModelVersion(WAN, "mine", VersionState.PENDING, null, "2026-12-05T00:00:00Z", null, "node-a"),
                new ModelVersion(WAN, "theirs", VersionState.PENDING, null, "2026-12-05T00:00:00Z", null, "node-b")),
                Map.of(), Map.of()));
        ModelRegistry a = node("node-a", tmp.resolve("models"), store);
        assertEquals(VersionState.FAILED, a.version(WAN, "mine").orElseThrow().state());
        assertEquals(VersionState.PENDING, a.version(WAN, "theirs").orElseThrow().state(), "node B may still be verifying it");
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
