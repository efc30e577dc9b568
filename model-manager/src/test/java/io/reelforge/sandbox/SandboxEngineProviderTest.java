package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.Engines;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxEngineProviderTest {

    @Test
    void theServiceLoaderFindsTheSandboxAndHandsItItsSettings(@TempDir Path models) throws Exception {
        // models-dir keeps the djl engine, discovered beside the sandbox, from creating models/ here
        Engines engines = Engines.discover(getClass().getClassLoader(), id -> EngineSettings.of(Map.of(
                SandboxEngineProvider.MIN_RENDER_TIME, "PT0.3S", "models-dir", models.toString())));
        Engine sandbox = engines.find("sandbox").orElseThrow();
        assertEquals("sandbox", sandbox.id());
        assertTrue(sandbox.status().ready());
        long start = System.nanoTime();
        sandbox.render(new RenderSpec("sea", "", 16, 16, 3, 24, 1, false, null), frame -> { }, RenderControl.unlimited());
        assertTrue(System.nanoTime() - start >= 300_000_000L, "min-render-time was not applied");
    }

    @Test
    void theFpsTestSettingMakesClipsComeOutAtThatRate() {
        assertEquals(24, new SandboxEngineProvider().create(EngineSettings.none()).frameRate(24));
        assertEquals(16, new SandboxEngineProvider().create(EngineSettings.of(Map.of(SandboxEngineProvider.FPS, "16"))).frameRate(24));
        assertThrows(IllegalArgumentException.class,
                () -> new SandboxEngineProvider().create(EngineSettings.of(Map.of(SandboxEngineProvider.FPS, "-1"))));
    }

    @Test
    void aMalformedDurationIsReportedWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SandboxEngineProvider().create(EngineSettings.of(Map.of("min-render-time", "20 seconds"))));
        assertTrue(e.getMessage().contains("min-render-time"), e.getMessage());
    }

    @Test
    void withoutSettingsRendersAreNotSlowedDown() throws Exception {
        Engine sandbox = new SandboxEngineProvider().create(EngineSettings.none());
        long start = System.nanoTime();
        sandbox.render(new RenderSpec("sea", "", 16, 16, 3, 24, 1, false, null), frame -> { }, RenderControl.unlimited());
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
    }
}
