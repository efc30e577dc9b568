package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.Component;
import io.reelforge.models.ExpertSwitch;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.PackageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wan 2.2 A14B's two experts on the tiny two-denoiser package (tiny-wan-a14b). */
class TwoExpertsTest {

    @Test
    void theManifestCarriesTheBoundaryAndTheLowNoiseGuidance() throws Exception {
        ModelPackage pkg = ModelPackage.open(Fixtures.pkg("tiny-wan-a14b"));
        assertEquals(ModelFamily.WAN22_T2V_A14B, pkg.manifest().family());
        assertEquals(new ExpertSwitch(0.875, 3.0), pkg.manifest().defaults().experts());
        assertEquals(4.0, pkg.manifest().defaults().guidance());
    }

    /**
     * Shift 12 over 4 steps gives sigmas 1, 0.973, 0.923, 0.8: three at or above the 0.875 boundary on the
     * high-noise denoiser, the last on the low-noise one, counted on the loaded TorchScript modules.
     */
    @Test
    void theSamplerSwitchesToTheLowNoiseDenoiserAtTheBoundaryStep() throws Exception {
        try (LoadedModel model = LoadedModel.load(ModelPackage.open(Fixtures.pkg("tiny-wan-a14b")), Device.cpu());
                NDManager m = model.denoiser().manager().newSubManager()) {
            List<Float> high = new ArrayList<>();
            List<Float> low = new ArrayList<>();
            TorchModule lowModule = model.denoiserLow().orElseThrow();
            Velocity h = (x, t, c) -> {
                high.add(t.toFloatArray()[0]);
                return model.denoiser().forward(new NDList(x, t, c)).head();
            };
            Velocity l = (x, t, c) -> {
                low.add(t.toFloatArray()[0]);
                return lowModule.forward(new NDList(x, t, c)).head();
            };
            SamplerSettings settings = SamplerSettings.of(model.manifest().defaults());
            NDArray context = model.prompts().encode(m, List.of("a fox", ""));
            NDArray out = new FlowSampler(settings).sample(m.randomNormal(new Shape(1, 16, 2, 4, 8)), context, h, l,
                    RenderControl.unlimited());
            assertEquals(3, high.size(), "high-noise steps at " + high);
            assertEquals(1, low.size(), "low-noise steps at " + low);
            assertEquals(800f, low.get(0), 1e-3f);
            assertEquals(new Shape(1, 16, 2, 4, 8), out.getShape());
        }
    }

    @Test
    void aRenderUsesBothExpertsAndDeliversTheFramesAskedFor() throws Exception {
        RenderSpec spec = new RenderSpec("a red fox runs through the snow", "", 64, 32, 17, 16, 5L, false, null);
        List<Integer> frames = new ArrayList<>();
        try (PackageEngine engine = Fixtures.engine("tiny-wan-a14b")) {
            assertTrue(engine.status().ready(), engine.status().detail());
            engine.render(spec, f -> frames.add(f.getRGB(3, 3)), RenderControl.unlimited());
        }
        assertEquals(17, frames.size());
    }

    @Test
    void theLowNoiseDenoiserChangesTheClip(@TempDir Path dir) throws Exception {
        // the same package with the high-noise denoiser as its low-noise one renders another clip: the low one runs
        Path same = Fixtures.copy("tiny-wan-a14b", dir, "same");
        Files.copy(same.resolve("denoiser.pt"), same.resolve("denoiser_low.pt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(same.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("components").path(Component.DENOISER_LOW)).put("sha256",
                manifest.path("components").path(Component.DENOISER).path("sha256").asText());
        json.writeValue(same.resolve("manifest.json").toFile(), manifest);
        RenderSpec spec = new RenderSpec("a red fox runs through the snow", "", 64, 32, 5, 16, 5L, false, null);
        assertNotEquals(firstFrame(new PackageEngine(Fixtures.pkg("tiny-wan-a14b"), Device.cpu()), spec),
                firstFrame(new PackageEngine(same, Device.cpu()), spec));
    }

    @Test
    void aTwoExpertPackageWithoutItsLowNoiseDenoiserIsRefused(@TempDir Path dir) throws Exception {
        Path pkg = Fixtures.copy("tiny-wan-a14b", dir, "nolow");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(pkg.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("components")).remove(Component.DENOISER_LOW);
        json.writeValue(pkg.resolve("manifest.json").toFile(), manifest);
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(pkg));
        assertTrue(e.getMessage().contains("'denoiser_low'"), e.getMessage());
    }

    @Test
    void aOneDenoiserFamilyRefusesABoundary(@TempDir Path dir) throws Exception {
        Path pkg = Fixtures.copy("tiny-wan", dir, "boundary");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(pkg.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.path("defaults")).put("boundary", 0.875);
        json.writeValue(pkg.resolve("manifest.json").toFile(), manifest);
        PackageException e = assertThrows(PackageException.class, () -> ModelPackage.open(pkg));
        assertTrue(e.getMessage().contains("two-expert"), e.getMessage());
    }

    private static List<Integer> firstFrame(PackageEngine engine, RenderSpec spec) throws Exception {
        List<Integer> pixels = new ArrayList<>();
        try (engine) {
            engine.render(spec, f -> {
                if (pixels.isEmpty()) {
                    for (int y = 0; y < f.getHeight(); y += 4) {
                        for (int x = 0; x < f.getWidth(); x += 4) {
                            pixels.add(f.getRGB(x, y));
                        }
                    }
                }
            }, RenderControl.unlimited());
        }
        return pixels;
    }
}
