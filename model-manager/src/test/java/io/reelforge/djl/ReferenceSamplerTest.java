package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java samplers against the Python ones in make_tiny_fixtures.py (Euler, and DPM-Solver++ (2M) written
 * after Wan's scheduler), from the same initial noise (and, for image-to-video, the same start image through the
 * image encoder; for two experts, the switch at the boundary as diffusers' Wan pipelines make it).
 */
class ReferenceSamplerTest {

    private static final double TOLERANCE = 1e-4;

    @ParameterizedTest
    @CsvSource({"tiny-wan, flow-euler", "tiny-wan, flow-dpmpp-2m", "tiny-ltx, flow-euler", "tiny-ltx, flow-dpmpp-2m",
            "tiny-wan-i2v, flow-euler", "tiny-wan-i2v, flow-dpmpp-2m", "tiny-wan-a14b, flow-euler",
            "tiny-wan-a14b, flow-dpmpp-2m", "tiny-wan22-i2v, flow-euler", "tiny-wan22-i2v, flow-dpmpp-2m"})
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
            boolean twoExperts = ref.hasNonNull("boundary");
            SamplerSettings settings = new SamplerSettings(run.get("steps").asInt(), ref.get("guidance").asDouble(),
                    ref.get("shift").asDouble(), scheduler, List.of(), 0, twoExperts ? new io.reelforge.models.ExpertSwitch(
                            ref.get("boundary").asDouble(), ref.get("guidance_2").asDouble()) : null);
            NDList image = startImage(ref, name).map(img -> model.image().orElseThrow().encode(manager, img,
                    new NativeSize(img.getWidth(), img.getHeight()), ref.get("frames").asInt(), 2)).orElse(new NDList());
            Velocity velocity = conditioned(model.denoiser(), image);
            Velocity low = model.denoiserLow().map(d -> conditioned(d, image)).orElse(null);
            FlowSampler sampler = new FlowSampler(settings);
            long start = System.nanoTime();
            NDArray latents = sampler.sample(noise, context, velocity, low, RenderControl.unlimited());
            double coldMsPerStep = (System.nanoTime() - start) / 1e6 / settings.steps();
            start = System.nanoTime();
            sampler.sample(noise, context, velocity, low, RenderControl.unlimited()).close();
            double warmMsPerStep = (System.nanoTime() - start) / 1e6 / settings.steps();
            double latentDiff = maxAbsDiff(latents.toFloatArray(), Fixtures.floats(Fixtures.reference(name, run.get("latents").asText())));
            double frameDiff = maxAbsDiff(model.decoder().decode(latents, new SeededNoise(0)).toFloatArray(),
                    Fixtures.floats(Fixtures.reference(name, run.get("frames").asText())));
            System.out.printf("%s %s (%d steps): sampler max |java - python| latents %.3g, frames %.3g; ms/step %.1f cold,"
                    + " %.1f warm%n", name, scheduler, settings.steps(), latentDiff, frameDiff, coldMsPerStep, warmMsPerStep);
            assertTrue(latentDiff <= TOLERANCE, "latents differ by " + latentDiff);
            assertTrue(frameDiff <= TOLERANCE, "frames differ by " + frameDiff);
        }
    }

    private static Velocity conditioned(TorchModule denoiser, NDList image) {
        return (x, t, c) -> {
            NDList inputs = new NDList(x, t, c);
            inputs.addAll(image);
            return denoiser.forward(inputs).head();
        };
    }

    /**
     * FastWan's DMD sampler against FastVideo's loop as make_tiny_fixtures.py writes it: timesteps 1000, 757, 522,
     * noise levels looked up in the shift-8 training table, the same fresh noise between steps (the reference's,
     * given to Java in the order the render's stream would draw it).
     */
    @org.junit.jupiter.api.Test
    void dmdSamplingMatchesFastVideosLoop() throws Exception {
        JsonNode ref = Fixtures.reference("tiny-fastwan");
        JsonNode run = ref.path("runs").path("flow-dmd");
        ModelPackage pkg = ModelPackage.open(Fixtures.pkg("tiny-fastwan"));
        SamplerSettings settings = SamplerSettings.of(pkg.manifest().defaults());
        assertEquals(Scheduler.FLOW_DMD, settings.scheduler());
        assertEquals(List.of(1.0, 0.757, 0.522), settings.sigmas());
        for (int i = 0; i < settings.steps(); i++) {
            assertEquals(run.get("noise_levels").get(i).asDouble(), DmdStep.noiseLevel(settings.sigmas().get(i) * 1000,
                    settings.shift()), 1e-7, "noise level of step " + (i + 1));
        }
        try (LoadedModel model = LoadedModel.load(pkg, Device.cpu());
                NDManager manager = model.denoiser().manager().newSubManager()) {
            long[] shape = StreamSupport.stream(ref.get("latent_shape").spliterator(), false)
                    .mapToLong(JsonNode::asLong).toArray();
            NDArray noise = manager.create(Fixtures.floats(Fixtures.reference("tiny-fastwan", "noise.f32")), new Shape(shape));
            java.util.Iterator<JsonNode> renoise = run.get("renoise").iterator();
            SeededNoise stream = new SeededNoise(0) {
                @Override
                NDArray next(NDManager m, long[] s) {
                    try {
                        return m.create(Fixtures.floats(Fixtures.reference("tiny-fastwan", renoise.next().asText())),
                                new Shape(s));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            NDArray context = model.prompts().encode(manager, List.of(ref.get("prompt").asText()));
            int[] calls = {0};
            Velocity velocity = (x, t, c) -> {
                assertEquals(1, x.getShape().get(0), "no guidance batch");
                assertEquals(List.of(1000f, 757f, 522f).get(calls[0]++), t.toFloatArray()[0], "timestep");
                return model.denoiser().forward(new NDList(x, t, c)).head();
            };
            NDArray latents = new FlowSampler(settings, stream).sample(noise, context, velocity, RenderControl.unlimited());
            assertEquals(3, calls[0]);
            assertTrue(!renoise.hasNext(), "one fresh noise per step after the first");
            double latentDiff = maxAbsDiff(latents.toFloatArray(),
                    Fixtures.floats(Fixtures.reference("tiny-fastwan", run.get("latents").asText())));
            double frameDiff = maxAbsDiff(model.decoder().decode(latents, new SeededNoise(0)).toFloatArray(),
                    Fixtures.floats(Fixtures.reference("tiny-fastwan", run.get("frames").asText())));
            System.out.printf("tiny-fastwan flow-dmd (3 steps): max |java - python| latents %.3g, frames %.3g%n",
                    latentDiff, frameDiff);
            assertTrue(latentDiff <= TOLERANCE, "latents differ by " + latentDiff);
            assertTrue(frameDiff <= TOLERANCE, "frames differ by " + frameDiff);
        }
    }

    /**
     * LTX-Video distilled in one pass as LTXConditionPipeline runs it with explicit timesteps: Euler over the 8 given
     * noise levels with one forward of the prompt per step, then the timestep-conditioned decode with its noise (the
     * reference's, given to Java as the render's stream would draw it after sampling) and [timestep, noise scale].
     */
    @org.junit.jupiter.api.Test
    void distilledLtxWithDecodeNoiseMatchesThePythonReference() throws Exception {
        JsonNode ref = Fixtures.reference("tiny-ltx-distilled");
        JsonNode run = ref.path("runs").path("distilled");
        ModelPackage pkg = ModelPackage.open(Fixtures.pkg("tiny-ltx-distilled"));
        assertEquals(new io.reelforge.models.DecodeNoise(0.05, 0.025), pkg.manifest().decode());
        SamplerSettings settings = SamplerSettings.of(pkg.manifest().defaults());
        assertEquals(8, settings.steps());
        try (LoadedModel model = LoadedModel.load(pkg, Device.cpu());
                NDManager manager = model.denoiser().manager().newSubManager()) {
            long[] shape = StreamSupport.stream(ref.get("latent_shape").spliterator(), false)
                    .mapToLong(JsonNode::asLong).toArray();
            NDArray noise = manager.create(Fixtures.floats(Fixtures.reference("tiny-ltx-distilled", "noise.f32")),
                    new Shape(shape));
            NDArray context = model.prompts().encode(manager, List.of(ref.get("prompt").asText()));
            int[] calls = {0};
            Velocity velocity = (x, t, c) -> {
                assertEquals(1, x.getShape().get(0), "no guidance batch");
                calls[0]++;
                return model.denoiser().forward(new NDList(x, t, c)).head();
            };
            NDArray latents = new FlowSampler(settings).sample(noise, context, velocity, RenderControl.unlimited());
            assertEquals(8, calls[0]);
            int[] draws = {0};
            SeededNoise decodeNoise = new SeededNoise(0) {
                @Override
                NDArray next(NDManager m, long[] s) {
                    draws[0]++;
                    try {
                        return m.create(Fixtures.floats(Fixtures.reference("tiny-ltx-distilled",
                                run.get("decode_noise").asText())), new Shape(s));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
            double latentDiff = maxAbsDiff(latents.toFloatArray(),
                    Fixtures.floats(Fixtures.reference("tiny-ltx-distilled", run.get("latents").asText())));
            double frameDiff = maxAbsDiff(model.decoder().decode(latents, decodeNoise).toFloatArray(),
                    Fixtures.floats(Fixtures.reference("tiny-ltx-distilled", run.get("frames").asText())));
            assertEquals(1, draws[0], "one decode noise");
            System.out.printf("tiny-ltx-distilled (8 steps, decode noise): max |java - python| latents %.3g, frames %.3g%n",
                    latentDiff, frameDiff);
            assertTrue(latentDiff <= TOLERANCE, "latents differ by " + latentDiff);
            assertTrue(frameDiff <= TOLERANCE, "frames differ by " + frameDiff);
        }
    }

    /** The image-to-video reference's start image, rebuilt from its 8-bit RGB bytes. */
    private static Optional<BufferedImage> startImage(JsonNode ref, String name) throws IOException {
        if (ref.path("image_size").isNull() || ref.path("image_size").isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(Fixtures.startImage(ref, name));
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
