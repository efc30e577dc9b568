package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.Engines;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.models.ModelFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlEngineProviderTest {

    @TempDir
    Path tmp;

    @Test
    void theServiceLoaderFindsTheDjlEngineBesideTheSandbox() {
        Engines engines = Engines.discover(getClass().getClassLoader(),
                id -> EngineSettings.of(Map.of(DjlEngineProvider.MODELS_DIR, tmp.resolve("models").toString())));
        assertTrue(engines.find("sandbox").isPresent());
        DjlEngine djl = (DjlEngine) engines.find("djl").orElseThrow();
        try {
            assertFalse(djl.status().ready(), "an empty registry never throws, it makes the engine not ready");
            assertTrue(djl.status().detail().startsWith("no active version of wan2.1-t2v-1.3b; import and activate one;"
                    + " devices: cpu free; "), djl.status().detail());
            assertTrue(djl.status().detail().contains("libtorch 2.7.1 cpu (bundled)"), djl.status().detail());
            assertEquals(DjlEngineProvider.DEFAULT_FAMILY, djl.family());
            assertTrue(Files.isDirectory(tmp.resolve("models")), "the registry root is created");
        } finally {
            djl.close();
        }
    }

    @Test
    void theFamilyAndDeviceSettingsAreRead() {
        try (DjlEngine engine = create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString(),
                DjlEngineProvider.FAMILY, " ltx-video ", DjlEngineProvider.DEVICE, "CPU"))) {
            assertEquals(ModelFamily.LTX_VIDEO, engine.family());
            assertEquals("cpu", engine.status().device());
            assertTrue(engine.status().detail().contains("ltx-video"), engine.status().detail());
        }
    }

    @Test
    void anUnknownDeviceOrFamilyIsRefusedWithTheSettingsName() {
        IllegalArgumentException device = assertThrows(IllegalArgumentException.class,
                () -> create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString(), DjlEngineProvider.DEVICE, "tpu")));
        assertTrue(device.getMessage().contains("device"), device.getMessage());
        IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
                () -> create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString(), DjlEngineProvider.FAMILY, "wan3")));
        assertTrue(family.getMessage().contains("family") && family.getMessage().contains("wan2.1-t2v-1.3b"),
                family.getMessage());
    }

    @Test
    void anUnreadableRegistryLeavesTheEngineNotReadyInsteadOfThrowing() throws Exception {
        Files.writeString(tmp.resolve("registry.json"), "{ not json");
        try (DjlEngine engine = create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString()))) {
            assertFalse(engine.status().ready());
            assertTrue(engine.status().detail().contains("cannot be opened"), engine.status().detail());
            assertTrue(engine.registry().isEmpty());
            RenderException e = assertThrows(RenderException.class, () -> engine.render(DjlEngineTest.spec(1),
                    f -> { }, RenderControl.unlimited()));
            assertEquals("render.unavailable", e.code());
        }
    }

    @Test
    void theDevicesSettingMakesOneRenderSlotPerDevice() {
        try (DjlEngine engine = create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString(),
                DjlEngineProvider.DEVICES, "cpu, cpu"))) {
            assertEquals(2, engine.renderSlots().getAsInt());
            assertEquals("cpu,cpu#2", engine.status().device());
            assertTrue(engine.status().detail().contains("devices: cpu free, cpu#2 free"), engine.status().detail());
        }
        try (DjlEngine engine = create(Map.of(DjlEngineProvider.MODELS_DIR, tmp.toString()))) {
            assertEquals(1, engine.renderSlots().getAsInt(), "one cpu by default");
        }
    }

    @Test
    void aGpuThisMachineLacksLeavesTheEngineNotReadyWithTheReason() throws Exception {
        TorchRuntime cpuBox = new TorchRuntime(0, null, "2.7.1", "cpu", "bundled");
        try (DjlEngine engine = DjlEngine.open(tmp, ModelFamily.WAN21_T2V_1_3B, DeviceSlots.parse("gpu0,gpu1"),
                cpuBox)) {
            assertFalse(engine.status().ready());
            assertEquals("gpu0,gpu1", engine.status().device());
            assertTrue(engine.status().detail().startsWith("gpu0 does not exist on this machine (no CUDA GPU visible"),
                    engine.status().detail());
            assertTrue(engine.registry().isEmpty());
            RenderException e = assertThrows(RenderException.class, () -> engine.render(DjlEngineTest.spec(1),
                    f -> { }, RenderControl.unlimited()));
            assertEquals("render.unavailable", e.code());
            assertTrue(e.getMessage().startsWith("gpu0 does not exist"), e.getMessage());
        }
        TorchRuntime oneGpu = new TorchRuntime(1, "12.8", "2.7.1", "cu128", "/opt/libtorch/lib");
        try (DjlEngine engine = DjlEngine.open(tmp, ModelFamily.WAN21_T2V_1_3B, DeviceSlots.parse("gpu0,gpu1"),
                oneGpu)) {
            assertTrue(engine.status().detail().startsWith("gpu1 does not exist on this machine (1 GPU visible,"
                    + " gpu0 to gpu0)"), engine.status().detail());
        }
        TorchRuntime cpuTorch = new TorchRuntime(2, "12.8", "2.7.1", "cpu", "bundled");
        try (DjlEngine engine = DjlEngine.open(tmp, ModelFamily.WAN21_T2V_1_3B, DeviceSlots.parse("gpu0"),
                cpuTorch)) {
            assertTrue(engine.status().detail().startsWith("the GPUs cannot be used: libtorch is the cpu build;"
                    + " install the CUDA libtorch with install.sh --libtorch"), engine.status().detail());
        }
        try (DjlEngine engine = DjlEngine.open(tmp, ModelFamily.WAN21_T2V_1_3B, DeviceSlots.parse("cpu"),
                cpuTorch)) {
            assertTrue(engine.status().detail().endsWith("; CUDA 12.8, 2 GPUs visible; libtorch 2.7.1 cpu (bundled);"
                    + " GPU not used: reelforge.engine.djl.devices lists no GPU and libtorch is the cpu build"),
                    engine.status().detail());
        }
        TorchRuntime cudaOnCpuBox = new TorchRuntime(0, null, "2.7.1", "cu128", "/opt/libtorch/lib");
        try (DjlEngine engine = DjlEngine.open(tmp, ModelFamily.WAN21_T2V_1_3B, DeviceSlots.parse("cpu"),
                cudaOnCpuBox)) {
            assertTrue(engine.status().detail().endsWith("; no CUDA GPU visible; libtorch 2.7.1 cu128 from"
                    + " /opt/libtorch/lib; GPU not used: a CUDA libtorch on a machine with no visible GPU"),
                    engine.status().detail());
        }
    }

    @Test
    void aBadDevicesListIsRefusedWithTheSettingsName() {
        for (String bad : new String[] {"tpu0", "gpu0,gpu0", " , ", "gpu-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> create(Map.of(
                    DjlEngineProvider.MODELS_DIR, tmp.toString(), DjlEngineProvider.DEVICES, bad)), bad);
            assertTrue(e.getMessage().contains("devices"), e.getMessage());
        }
    }

    private static DjlEngine create(Map<String, String> settings) {
        Engine engine = new DjlEngineProvider().create(EngineSettings.of(settings));
        return (DjlEngine) engine;
    }
}
