package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.reelforge.engine.RenderControl;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.NativeSize;
import io.reelforge.models.Scheduler;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java samplers against the Python ones in make_tiny_fixtures.py (Euler, and DPM-Solver++ (2M) written
 * after Wan's scheduler), from the same initial noise (and, for image-to-video, the same start image through the
 * image encoder).
 */
class ReferenceSamplerTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @CsvSource({"tiny-wan, flow-euler", "tiny-wan, flow-dpmpp-2m", "tiny-ltx, flow-euler", "tiny-ltx, flow-dpmpp-2m",
            "tiny-wan-i2v, flow-euler", "tiny-wan-i2v, flow-dpmpp-2m"})
    void javaSamplingMatchesThePythonReference(String name, String schedulerId) throws Exception {
        JsonNode ref = Fixtures.reference(name);
        JsonNode run = ref.path("runs").path(schedulerId);
        Scheduler scheduler = Scheduler.byId(schedulerId).orElseThrow();
        try (LoadedModel model = LoadedModel.load(ModelPackage.open(Fixtures.pkg(name)), Device.cpu());
                NDManager manager = model.denoiser().manager().newSubManager()) {
            List<String> prompts = List.of(ref.get("prompt").asText(), ref.get("negative_prompt").asText());
            for (int i = 0; i < 2; i++) {
                long[] expected = StreamSupport.stream(ref.get("token_ids").get(i).spliterator(), false)
                        .mapToLong(JsonNode::asLong).toArray();
                assertArrayEquals(expected, model.prompts().ids(prompts.get(i)), "token ids of " + prompts.get(i));
            }
            long[] shape = StreamSupport.stream(ref.get("latent_shape").spliterator(), false)
                    .mapToLong(JsonNode::asLong).toArray();
            NDArray noise = manager.create(Fixtures.floats(Fixtures.reference(name, "noise.f32")), new Shape(shape));
            NDArray context = model.prompts().encode(manager, prompts);
            SamplerSettings settings = new SamplerSettings(run.get("steps").asInt(), ref.get("guidance").asDouble(),
                    ref.get("shift").asDouble(), scheduler);
            NDList image = startImage(ref, name).map(img -> model.image().orElseThrow().encode(manager, img,
                    new NativeSize(img.getWidth(), img.getHeight()), ref.get("frames").asInt(), 2)).orElse(new NDList());
            Velocity velocity = (x, t, c) -> {
                NDList inputs = new NDList(x, t, c);
                inputs.addAll(image);
                return model.denoiser().forward(inputs).head();
            };
            FlowSampler sampler = new FlowSampler(settings);
            long start = System.nanoTime();
            NDArray latents = sampler.sample(noise, context, velocity, RenderControl.unlimited());
            double coldMsPerStep = (System.nanoTime() - start) / 1e6 / settings.steps();
            start = System.nanoTime();
            sampler.sample(noise, context, velocity, RenderControl.unlimited()).close();
            double warmMsPerStep = (System.nanoTime() - start) / 1e6 / settings.steps();
            double latentDiff = maxAbsDiff(latents.toFloatArray(), Fixtures.floats(Fixtures.reference(name, run.get("latents").asText())));
            double frameDiff = maxAbsDiff(model.decoder().decode(latents).toFloatArray(),
                    Fixtures.floats(Fixtures.reference(name, run.get("frames").asText())));
            System.out.printf("%s %s (%d steps): sampler max |java - python| latents %.3g, frames %.3g; ms/step %.1f cold,"
                    + " %.1f warm%n", name, scheduler, settings.steps(), latentDiff, frameDiff, coldMsPerStep, warmMsPerStep);
            assertTrue(latentDiff <= TOLERANCE, "latents differ by " + latentDiff);
            assertTrue(frameDiff <= TOLERANCE, "frames differ by " + frameDiff);
        }
    }

    /** The image-to-video reference's start image, rebuilt from its 8-bit RGB bytes. */
    private static Optional<BufferedImage> startImage(JsonNode ref, String name) throws IOException {
        if (ref.path("image_size").isNull() || ref.path("image_size").isMissingNode()) {
            return Optional.empty();
        }
        int w = ref.get("image_size").get(0).asInt();
        int h = ref.get("image_size").get(1).asInt();
        byte[] rgb = Files.readAllBytes(Fixtures.reference(name, "image.rgb"));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int p = 0; p < w * h; p++) {
            image.setRGB(p % w, p / w, (rgb[3 * p] & 0xff) << 16 | (rgb[3 * p + 1] & 0xff) << 8 | (rgb[3 * p + 2] & 0xff));
        }
        return Optional.of(image);
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertTrue(a.length == b.length, "sizes " + a.length + " vs " + b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
