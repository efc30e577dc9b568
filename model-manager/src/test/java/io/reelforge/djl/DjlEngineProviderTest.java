package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.Engines;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlEngineProviderTest {

    @Test
    void theServiceLoaderFindsTheDjlEngineBesideTheSandbox() {
        Engines engines = Engines.discover(getClass().getClassLoader(),
                id -> EngineSettings.of(Map.of(DjlEngineProvider.PACKAGE_DIR, "/nonexistent/package")));
        assertTrue(engines.find("sandbox").isPresent());
        Engine djl = engines.find("djl").orElseThrow();
        assertFalse(djl.status().ready(), "a missing package never throws, it makes the engine not ready");
        assertTrue(djl.status().detail().contains("no manifest.json"), djl.status().detail());
    }

    @Test
    void aPackageDirSettingLoadsThatPackage() throws Exception {
        String dir = Fixtures.pkg("tiny-ltx").toString();
        Engine engine = new DjlEngineProvider().create(EngineSettings.of(Map.of(DjlEngineProvider.PACKAGE_DIR, dir,
                DjlEngineProvider.DEVICE, "CPU")));
        try {
            assertTrue(engine.status().ready(), engine.status().detail());
            assertEquals("cpu", engine.status().device());
        } finally {
            ((DjlEngine) engine).close();
        }
    }

    @Test
    void anUnknownDeviceIsRefusedWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DjlEngineProvider()
                .create(EngineSettings.of(Map.of(DjlEngineProvider.DEVICE, "tpu"))));
        assertTrue(e.getMessage().contains("device"), e.getMessage());
    }
}
