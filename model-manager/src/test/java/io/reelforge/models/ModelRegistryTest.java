package io.reelforge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.reelforge.djl.DjlVersionLoader;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry over the tiny TorchScript packages and the real DJL loader. */
class ModelRegistryTest {

    private static final String WAN = "wan2.1-t2v-1.3b";

    @TempDir
    Path tmp;
    private ModelRegistry registry;

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    private ModelRegistry open() throws RegistryException {
        registry = ModelRegistry.builder().setRoot(tmp.resolve("registry"))
                .setLoader(new DjlVersionLoader(Device.cpu())).build();
        return registry;
    }

    private ModelVersion importTiny(String name, String version) throws Exception {
        return registry.importPackage(TinyPackages.copy(name, tmp.resolve("uploads"), version));
    }

    @Test
    void importedFolderIsCopiedVerifiedAndReady() throws Exception {
        open();
        ModelVersion v = importTiny("tiny-wan", "v1");
        assertEquals(VersionState.READY, v.state(), String.valueOf(v.reason()));
        assertNull(v.reason());
        assertTrue(Files.isRegularFile(registry.dir(WAN, "v1").resolve("denoiser.pt")));
        assertEquals(List.of(v), registry.versions(WAN));
        assertFalse(registry.isLoaded(WAN, "v1"), "verification unloads; activation loads");
        assertTrue(registry.active(WAN).isEmpty());
    }

    @Test
    void importTellsThePendingVersionBeforeVerifyingAndTheManifestIsReadable() throws Exception {
        open();
        List<ModelVersion> told = new ArrayList<>();
        ModelVersion v = registry.importPackage(TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v1"), p -> {
            told.add(p);
            assertEquals(VersionState.PENDING, registry.version(WAN, "v1").orElseThrow().state());
        });
        assertEquals(1, told.size());
        assertEquals(VersionState.PENDING, told.get(0).state());
        assertEquals(VersionState.READY, v.state(), String.valueOf(v.reason()));
        Manifest m = registry.manifest(WAN, "v1").orElseThrow();
        assertEquals(List.of(new NativeSize(64, 32), new NativeSize(32, 64)), m.nativeSizes());
        assertTrue(registry.manifest(WAN, "v2").isEmpty());
        Path again = TinyPackages.copy("tiny-wan", tmp.resolve("again"), "v1");
        assertThrows(RegistryException.class, () -> registry.importPackage(again, p -> told.add(p)));
        assertEquals(1, told.size(), "a refused import is never pending");
    }

    @Test
    void corruptComponentFailsWithTheChecksumReason() throws Exception {
        open();
        Path pkg = TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v1");
        byte[] bytes = Files.readAllBytes(pkg.resolve("denoiser.pt"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(pkg.resolve("denoiser.pt"), bytes);
        ModelVersion v = registry.importPackage(pkg);
        assertEquals(VersionState.FAILED, v.state());
        assertTrue(v.reason().contains("sha256") && v.reason().contains("denoiser"), v.reason());
        RegistryException e = assertThrows(RegistryException.class, () -> registry.activate(WAN, "v1"));
        assertEquals("version.not_ready", e.code());
    }

    @Test
    void missingComponentFails() throws Exception {
        open();
        Path pkg = TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v1");
        Files.delete(pkg.resolve("vae_decoder.pt"));
        ModelVersion v = registry.importPackage(pkg);
        assertEquals(VersionState.FAILED, v.state());
        assertTrue(v.reason().contains("vae_decoder is missing"), v.reason());
    }

    @Test
    void anUnknownSchedulerFailsWithTheKnownOnesAndAnEulerPackageVerifies() throws Exception {
        open();
        Path unipc = TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v1");
        Path manifest = unipc.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"flow-dpmpp-2m\"", "\"unipc-bh2\""));
        ModelVersion v = registry.importPackage(unipc);
        assertEquals(VersionState.FAILED, v.state());
        assertTrue(v.reason().contains("scheduler 'unipc-bh2' is not supported; known: flow-euler, flow-dpmpp-2m"),
                v.reason());
        Path euler = TinyPackages.copy("tiny-wan", tmp.resolve("uploads-2"), "v2");
        manifest = euler.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"flow-dpmpp-2m\"", "\"flow-euler\""));
        ModelVersion ok = registry.importPackage(euler);
        assertEquals(VersionState.READY, ok.state(), String.valueOf(ok.reason()));
        assertEquals(Scheduler.FLOW_EULER, registry.manifest(WAN, "v2").orElseThrow().defaults().scheduler());
        assertEquals(Scheduler.FLOW_DPMPP_2M, registry.manifest(WAN, "v2").orElseThrow().family().defaults().scheduler());
    }

    @Test
    void anImageToVideoPackageVerifiesWithItsImageEncoderAndFailsWithoutIt() throws Exception {
        open();
        ModelVersion v = importTiny("tiny-wan-i2v", "v1");
        assertEquals(VersionState.READY, v.state(), String.valueOf(v.reason()));
        Path pkg = TinyPackages.copy("tiny-wan-i2v", tmp.resolve("uploads-2"), "v2");
        Files.delete(pkg.resolve("image_encoder.pt"));
        ModelVersion missing = registry.importPackage(pkg);
        assertEquals(VersionState.FAILED, missing.state());
        assertTrue(missing.reason().contains("image_encoder is missing"), missing.reason());
    }

    @Test
    void wrongShapesFail() throws Exception {
        open();
        ModelVersion v = importTiny("tiny-wan-badshape", "v1");
        assertEquals(VersionState.FAILED, v.state());
        assertTrue(v.reason().contains("denoiser returned shape"), v.reason());
    }

    @Test
    void duplicateVersionIsRefusedAndTheFirstKept() throws Exception {
        open();
        importTiny("tiny-wan", "v1");
        Path again = TinyPackages.copy("tiny-wan", tmp.resolve("again"), "v1");
        RegistryException e = assertThrows(RegistryException.class, () -> registry.importPackage(again));
        assertEquals("version.duplicate", e.code());
        assertTrue(e.getMessage().contains(WAN + "/v1"), e.getMessage());
        assertEquals(1, registry.versions(WAN).size());
        assertEquals(VersionState.READY, registry.version(WAN, "v1").orElseThrow().state());
    }

    @Test
    void activateAndRollbackSwitchTheNextLease() throws Exception {
        open();
        importTiny("tiny-wan", "v1");
        importTiny("tiny-wan", "v2");
        assertEquals("family.no_active", assertThrows(RegistryException.class, () -> registry.lease(WAN)).code());
        registry.activate(WAN, "v1");
        assertEquals("v1", leasedVersion());
        registry.activate(WAN, "v2");
        assertEquals("v2", leasedVersion());
        assertEquals("v1", registry.previous(WAN).orElseThrow().version());
        assertEquals("v1", registry.rollback(WAN).version());
        assertEquals("v1", leasedVersion());
        assertEquals("v2", registry.previous(WAN).orElseThrow().version());
        assertFalse(registry.isLoaded(WAN, "v2"), "the replaced version unloads when nothing holds it");
        assertEquals("version.unknown", assertThrows(RegistryException.class,
                () -> registry.activate(WAN, "v9")).code());
    }

    @Test
    void aLeasedVersionRendersAfterBeingReplacedAndUnloadsWithItsLastLease() throws Exception {
        open();
        importTiny("tiny-wan", "v1");
        importTiny("tiny-wan", "v2");
        registry.activate(WAN, "v1");
        ModelLease first = registry.lease(WAN);
        ModelLease second = registry.lease(WAN);
        registry.activate(WAN, "v2");
        assertTrue(registry.isLoaded(WAN, "v1"), "in-flight renders pin v1");
        assertEquals("v1", render(first).modelVersion());
        first.close();
        first.close(); // twice is harmless
        assertTrue(registry.isLoaded(WAN, "v1"), "one lease still open");
        assertEquals("v1", render(second).modelVersion());
        second.close();
        assertFalse(registry.isLoaded(WAN, "v1"));
        assertTrue(registry.isLoaded(WAN, "v2"));
        try (ModelLease now = registry.lease(WAN)) {
            assertEquals("v2", render(now).modelVersion());
        }
        assertThrows(IllegalStateException.class, first::engine);
    }

    @Test
    void stateIsReloadedFromDiskByANewRegistry() throws Exception {
        open();
        importTiny("tiny-wan", "v1");
        importTiny("tiny-wan", "v2");
        importTiny("tiny-wan-badshape", "v3");
        registry.activate(WAN, "v1");
        registry.activate(WAN, "v2");
        List<ModelVersion> before = registry.versions();
        registry.close();

        open();
        assertEquals(before, registry.versions());
        assertEquals("v2", registry.active(WAN).orElseThrow().version());
        assertEquals("v1", registry.previous(WAN).orElseThrow().version());
        assertEquals("v2", leasedVersion());
        assertEquals("v1", registry.rollback(WAN).version());
    }

    @Test
    void aVersionLeftPendingByACrashComesBackFailed() throws Exception {
        Path root = tmp.resolve("registry");
        new FileVersionStore(root).save(new VersionStore.Snapshot(
                List.of(new ModelVersion(WAN, "v1", VersionState.PENDING, null, "2026-01-01T00:00:00Z")),
                Map.of(), Map.of()));
        open();
        ModelVersion v = registry.version(WAN, "v1").orElseThrow();
        assertEquals(VersionState.FAILED, v.state());
        assertTrue(v.reason().contains("interrupted"), v.reason());
        registry.remove(WAN, "v1");
        assertTrue(registry.versions().isEmpty());
    }

    @Test
    void zipAndTarArchivesImport() throws Exception {
        open();
        Path v1 = TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v1");
        Path zip = TinyPackages.zip(tmp.resolve("v1.zip"), TinyPackages.names(v1, ""), TinyPackages.contents(v1));
        assertEquals(VersionState.READY, registry.importPackage(zip).state());
        Path v2 = TinyPackages.copy("tiny-wan", tmp.resolve("uploads"), "v2");
        Path tar = TinyPackages.tar(tmp.resolve("v2.tar"), TinyPackages.names(v2, "tiny-wan-v2/"),
                TinyPackages.contents(v2));
        ModelVersion v = registry.importPackage(tar);
        assertEquals(VersionState.READY, v.state(), String.valueOf(v.reason()));
        assertTrue(Files.isRegularFile(registry.dir(WAN, "v2").resolve("manifest.json")));
    }

    @Test
    void archivesEscapingTheirFolderAreRefused() throws Exception {
        open();
        List<byte[]> evil = List.of("owned".getBytes(StandardCharsets.UTF_8));
        for (String name : List.of("../evil.txt", "pkg/../../evil.txt", "/tmp/evil.txt")) {
            Path zip = TinyPackages.zip(tmp.resolve("evil.zip"), List.of(name), evil);
            RegistryException e = assertThrows(RegistryException.class, () -> registry.importPackage(zip), name);
            assertEquals("archive.unsafe", e.code());
            Path tar = TinyPackages.tar(tmp.resolve("evil.tar"), List.of(name), evil);
            assertEquals("archive.unsafe", assertThrows(RegistryException.class,
                    () -> registry.importPackage(tar), name).code());
        }
        assertFalse(Files.exists(tmp.resolve("registry").resolve(".staging").resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("registry").resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertTrue(registry.versions().isEmpty());
    }

    @Test
    void tarLinksAreRefused() throws Exception {
        open();
        Path tar = TinyPackages.tar(tmp.resolve("link.tar"), List.of("manifest.json"),
                List.of("{}".getBytes(StandardCharsets.UTF_8)));
        byte[] bytes = Files.readAllBytes(tar);
        bytes[156] = '2'; // symlink
        java.util.Arrays.fill(bytes, 148, 156, (byte) ' '); // the header's checksum, made again over the change
        int sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += bytes[i] & 0xff;
        }
        System.arraycopy(String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII), 0, bytes, 148, 8);
        Files.write(tar, bytes);
        RegistryException e = assertThrows(RegistryException.class, () -> registry.importPackage(tar));
        assertEquals("archive.unsafe", e.code());
        assertTrue(e.getMessage().contains("link"), e.getMessage());
    }

    @Test
    void rendersOnManyThreadsSurviveActivationsAndLeaveOnlyTheActiveVersionLoaded() throws Exception {
        open();
        importTiny("tiny-wan", "v1");
        importTiny("tiny-wan", "v2");
        registry.activate(WAN, "v1");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> renders = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                renders.add(pool.submit(() -> {
                    try (ModelLease lease = registry.lease(WAN)) {
                        String rendered = render(lease).modelVersion();
                        assertEquals(lease.version().version(), rendered);
                        return rendered;
                    }
                }));
                if (i % 3 == 2) {
                    registry.activate(WAN, i % 2 == 0 ? "v2" : "v1");
                }
            }
            for (Future<String> f : renders) {
                assertTrue(Set.of("v1", "v2").contains(f.get(60, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdown();
        }
        String current = registry.active(WAN).orElseThrow().version();
        String other = current.equals("v1") ? "v2" : "v1";
        assertTrue(registry.isLoaded(WAN, current));
        assertFalse(registry.isLoaded(WAN, other), "no lease left, so the inactive version is unloaded");
    }

    @Test
    void archivesOverTheSizeCapAreRefused() throws Exception {
        registry = ModelRegistry.builder().setRoot(tmp.resolve("registry"))
                .setLoader(new DjlVersionLoader(Device.cpu())).optMaxArchiveBytes(4096).build();
        Path zip = TinyPackages.zip(tmp.resolve("big.zip"), List.of("manifest.json"), List.of(new byte[10_000]));
        RegistryException e = assertThrows(RegistryException.class, () -> registry.importPackage(zip));
        assertEquals("archive.unsafe", e.code());
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
    }

    private String leasedVersion() throws RegistryException {
        try (ModelLease lease = registry.lease(WAN)) {
            return lease.version().version();
        }
    }

    private static RenderReport render(ModelLease lease) throws RenderException {
        RenderSpec spec = new RenderSpec("a red fox runs", "", 64, 32, 5, 16, 7, false, null);
        return lease.engine().render(spec, frame -> { }, RenderControl.unlimited());
    }
}
