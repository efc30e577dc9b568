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
            assertEquals("no active version of wan2.1-t2v-1.3b; import and activate one", djl.status().detail());
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

    private static DjlEngine create(Map<String, String> settings) {
        Engine engine = new DjlEngineProvider().create(EngineSettings.of(settings));
        return (DjlEngine) engine;
    }
}
