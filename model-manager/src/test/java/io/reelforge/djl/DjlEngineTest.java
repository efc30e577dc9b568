package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.ModelVersion;
import io.reelforge.models.VersionState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code djl} engine as the appliance builds it: through the provider, over a registry of tiny Wan versions. */
class DjlEngineTest {

    private static final String WAN = "wan2.1-t2v-1.3b";

    @TempDir
    Path tmp;
    private DjlEngine engine;
    private ModelRegistry registry;

    @BeforeEach
    void open() {
        engine = (DjlEngine) new DjlEngineProvider().create(EngineSettings.of(Map.of(
                DjlEngineProvider.MODELS_DIR, tmp.resolve("models").toString(), DjlEngineProvider.FAMILY, WAN)));
        registry = engine.registry().orElseThrow();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void withNoActiveVersionTheEngineIsNotReadyAndRefusesRenders() {
        assertFalse(engine.status().ready());
        assertTrue(engine.status().detail().startsWith("no active version of " + WAN + "; import and activate one;"),
                engine.status().detail());
        RenderException e = assertThrows(RenderException.class,
                () -> engine.render(spec(1), f -> { }, RenderControl.unlimited()));
        assertEquals("render.unavailable", e.code());
        assertEquals("no active version of " + WAN + "; import and activate one", e.getMessage());
    }

    @Test
    void rendersUseTheActiveVersionAndFollowActivateAndRollback() throws Exception {
        importTiny("v1");
        importTiny("v2");
        assertFalse(engine.status().ready(), "imported is not active");
        registry.activate(WAN, "v1");
        assertEquals(new ImageSupport(ImageSupport.Mode.NONE, WAN + "/v1 (Wan 2.1 T2V 1.3B)"), engine.imageSupport(),
                "a text-to-video family takes no start image, named after the active version");
        assertTrue(engine.status().ready(), engine.status().detail());
        assertTrue(engine.status().detail().startsWith("ready: " + WAN + "/v1; devices: cpu free; "),
                engine.status().detail());
        assertEquals("cpu", engine.status().device());
        assertEquals(new RenderReport("tiny-wan", "v1", 64, 32, 4, false), render());

        registry.activate(WAN, "v2");
        assertEquals("v2", render().modelVersion());
        assertTrue(engine.status().detail().startsWith("ready: " + WAN + "/v2;"), engine.status().detail());

        registry.rollback(WAN);
        assertEquals("v1", render().modelVersion());
        assertFalse(registry.isLoaded(WAN, "v2"), "a replaced version with no render left is unloaded");
    }

    @Test
    void aRenderInFlightFinishesOnItsVersionWhileTheNextUsesTheNewlyActiveOne() throws Exception {
        reopen("cpu,cpu"); // two renders at once: one device each
        importTiny("v1");
        importTiny("v2");
        registry.activate(WAN, "v1");
        CountDownLatch firstFrame = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RenderReport> inFlight = pool.submit(() -> engine.render(spec(2), frame -> {
                firstFrame.countDown();
                await(resume);
            }, RenderControl.unlimited()));
            assertTrue(firstFrame.await(60, TimeUnit.SECONDS), "the render started");

            registry.activate(WAN, "v2");
            assertEquals("v2", render().modelVersion(), "the next render uses the newly active version");
            assertTrue(registry.isLoaded(WAN, "v1"), "the version still rendering stays loaded");

            resume.countDown();
            assertEquals("v1", inFlight.get(60, TimeUnit.SECONDS).modelVersion());
            assertFalse(registry.isLoaded(WAN, "v1"), "unloaded with its last render");
        } finally {
            resume.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void twoConcurrentRendersRunOnTwoDevicesAndAThirdGoesBackToTheQueue() throws Exception {
        reopen("cpu,cpu");
        importTiny("v1");
        registry.activate(WAN, "v1");
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch resume = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RenderReport>> renders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                AtomicBoolean first = new AtomicBoolean(true);
                renders.add(pool.submit(() -> engine.render(spec(2), frame -> {
                    if (first.getAndSet(false)) {
                        bothStarted.countDown();
                        await(resume);
                    }
                }, RenderControl.unlimited())));
            }
            assertTrue(bothStarted.await(60, TimeUnit.SECONDS), "both renders reached their first frame at once");
            assertTrue(engine.status().detail().contains("devices: cpu rendering, cpu#2 rendering"),
                    "each render holds its own device: " + engine.status().detail());
            RenderException third = assertThrows(RenderException.class, this::render);
            assertEquals("render.deferred", third.code(), third.getMessage());
            assertTrue(third.getMessage().startsWith("all 2 devices of the djl engine are busy (cpu,cpu#2)"),
                    third.getMessage());
            resume.countDown();
            for (Future<RenderReport> r : renders) {
                assertEquals("v1", r.get(60, TimeUnit.SECONDS).modelVersion());
            }
            assertTrue(engine.status().detail().contains("devices: cpu free, cpu#2 free"), engine.status().detail());
            assertEquals("v1", render().modelVersion(), "a device is free again");
        } finally {
            resume.countDown();
            pool.shutdownNow();
        }
    }

    private void reopen(String devices) {
        engine.close();
        engine = (DjlEngine) new DjlEngineProvider().create(EngineSettings.of(Map.of(
                DjlEngineProvider.MODELS_DIR, tmp.resolve("models").toString(), DjlEngineProvider.DEVICES, devices)));
        registry = engine.registry().orElseThrow();
    }

    private static void await(CountDownLatch latch) throws RenderException {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new RenderException("render.timeout", "the test never let the render go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("render.canceled", "interrupted");
        }
    }

    @Test
    void aChangeOfFamilyTakesEffectAtTheNextRenderAndUnloadsTheOldFamilysModel() throws Exception {
        Map<String, String> settings = new java.util.concurrent.ConcurrentHashMap<>(Map.of(
                DjlEngineProvider.MODELS_DIR, tmp.resolve("models").toString(), DjlEngineProvider.FAMILY, WAN));
        engine.close();
        engine = (DjlEngine) new DjlEngineProvider().create(EngineSettings.of(settings));
        registry = engine.registry().orElseThrow();
        importTiny("v1");
        registry.activate(WAN, "v1");
        assertEquals("v1", render().modelVersion());
        assertTrue(registry.isLoaded(WAN, "v1"), "the active version stays loaded between renders");

        String i2v = "wan2.1-i2v-14b";
        settings.put(DjlEngineProvider.FAMILY, i2v); // as the live setting reelforge.engine.djl.family changes
        assertEquals(i2v, engine.family().id());
        assertFalse(engine.status().ready(), engine.status().detail());
        assertTrue(engine.status().detail().startsWith("no active version of " + i2v + ";"), engine.status().detail());
        assertEquals(ImageSupport.Mode.REQUIRED, engine.imageSupport().mode(), "the image-to-video family's rules");
        RenderException e = assertThrows(RenderException.class, this::render);
        assertEquals("no active version of " + i2v + "; import and activate one", e.getMessage());
        assertFalse(registry.isLoaded(WAN, "v1"), "the family no longer rendered does not keep its model loaded");
        assertEquals("v1", registry.active(WAN).orElseThrow().version(), "its pointer is unchanged");

        settings.put(DjlEngineProvider.FAMILY, WAN);
        assertTrue(engine.status().ready(), engine.status().detail());
        assertEquals("v1", render().modelVersion(), "back on the first family, its active version renders again");
    }

    @Test
    void theActiveVersionSurvivesARestartOfTheEngine() throws Exception {
        importTiny("v1");
        registry.activate(WAN, "v1");
        engine.close();
        engine = (DjlEngine) new DjlEngineProvider().create(EngineSettings.of(Map.of(
                DjlEngineProvider.MODELS_DIR, tmp.resolve("models").toString())));
        assertTrue(engine.status().ready(), engine.status().detail());
        assertEquals("v1", render().modelVersion());
    }

    private void importTiny(String version) throws Exception {
        ModelVersion v = registry.importPackage(Fixtures.copy("tiny-wan", tmp.resolve("uploads"), version));
        assertEquals(VersionState.READY, v.state(), String.valueOf(v.reason()));
    }

    private RenderReport render() throws RenderException {
        return engine.render(spec(1), f -> { }, RenderControl.unlimited());
    }

    /** The tiny Wan's own size, 64x32, and a few frames: quick on the CPU. */
    static RenderSpec spec(long seed) {
        return new RenderSpec("a red fox runs through the snow", "", 64, 32, 4, 16, seed, false, null);
    }
}
