package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.models.Scheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schedulers' arithmetic and failure paths with stand-in denoisers whose flows have closed-form solutions
 * (no model files needed); ReferenceSamplerTest compares them with the torch reference on real modules.
 */
class FlowSamplerTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void aConstantVelocityMovesTheLatentsByItsIntegral(Scheduler scheduler) throws Exception {
        // v = 1 everywhere: over sigma 1 -> 0 the latents land at noise - 1, whatever the shift
        NDArray noise = manager.zeros(new Shape(1, 2, 1, 2, 2));
        Velocity ones = (x, t, c) -> x.onesLike();
        NDArray out = sampler(scheduler, 5, 1.0, 3.0).sample(noise, context(1), ones, RenderControl.unlimited());
        for (float v : out.toFloatArray()) {
            assertEquals(-1f, v, 1e-6);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void guidanceMixesPromptAndNegativeHalvesOfOneBatch(Scheduler scheduler) throws Exception {
        // prompt half says 1, negative half says 0: guided velocity = 0 + 4 (1 - 0) = 4 over a sigma span of 1
        NDArray noise = manager.zeros(new Shape(1, 1, 1, 1, 1));
        List<Long> batches = new ArrayList<>();
        Velocity split = (x, t, c) -> {
            batches.add(x.getShape().get(0));
            return manager.create(new float[] {1f, 0f}).reshape(2, 1, 1, 1, 1);
        };
        NDArray out = sampler(scheduler, 3, 4.0, 1.0).sample(noise, context(2), split, RenderControl.unlimited());
        assertArrayEquals(new float[] {-4f}, out.toFloatArray(), 1e-5f);
        assertEquals(List.of(2L, 2L, 2L), batches);
    }

    /**
     * A denoiser that always predicts the clean sample c (v = (x - c) / sigma) has the straight path
     * x(sigma) = (1 - sigma) c + sigma noise; both schedulers must stay on it at every step, which checks every
     * coefficient of the DPM-Solver++ update but its correction term (the prediction never changes).
     */
    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void aFixedCleanPredictionIsFollowedExactlyAtEveryStep(Scheduler scheduler) throws Exception {
        float[] c = {0.25f, -1.5f, 3f, 0f};
        float[] eps = {1f, 2f, -0.5f, 0.75f};
        for (double shift : new double[] {1.0, 3.0, 7.77}) {
            NDArray noise = manager.create(eps, new Shape(1, 1, 1, 2, 2));
            NDArray clean = manager.create(c, new Shape(1, 1, 1, 2, 2));
            List<float[]> inputs = new ArrayList<>();
            List<Double> sigmas = new ArrayList<>();
            Velocity toClean = (x, t, ctx) -> {
                double sigma = t.getFloat(0) / FlowSchedule.TIMESTEP_SCALE;
                inputs.add(x.toFloatArray());
                sigmas.add(sigma);
                return x.sub(clean).div((float) sigma);
            };
            float[] out = sampler(scheduler, 6, 1.0, shift).sample(noise, context(1), toClean, RenderControl.unlimited())
                    .toFloatArray();
            for (int i = 0; i < inputs.size(); i++) {
                assertArrayEquals(path(c, eps, sigmas.get(i)), inputs.get(i), 2e-5f, "step " + i + ", shift " + shift);
            }
            assertArrayEquals(c, out, 2e-5f, "shift " + shift);
        }
    }

    /**
     * A denoiser whose clean-sample prediction is sigma itself (v = (x - sigma) / sigma) has the exact solution
     * x(sigma) = sigma (x(1) - ln sigma). At sigma 1/2 (shift 1, an even step count) Euler's error halves when
     * the steps double (first order) while DPM-Solver++ (2M)'s falls about four times (second order) and is
     * smaller to begin with.
     */
    @Test
    void dpmSolverIsSecondOrderWhereEulerIsFirst() throws Exception {
        double exact = 0.5 * (1 - Math.log(0.5));
        int[] steps = {8, 16, 32};
        double[] euler = new double[steps.length];
        double[] dpm = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            euler[k] = Math.abs(atHalfSigma(Scheduler.FLOW_EULER, steps[k]) - exact);
            dpm[k] = Math.abs(atHalfSigma(Scheduler.FLOW_DPMPP_2M, steps[k]) - exact);
        }
        System.out.printf("error at sigma 1/2 for %s steps: euler %s, dpm++ 2m %s%n", java.util.Arrays.toString(steps),
                java.util.Arrays.toString(euler), java.util.Arrays.toString(dpm));
        for (int k = 0; k + 1 < steps.length; k++) {
            double eulerRatio = euler[k] / euler[k + 1];
            double dpmRatio = dpm[k] / dpm[k + 1];
            assertTrue(eulerRatio > 1.8 && eulerRatio < 2.3, "euler error ratio " + eulerRatio);
            assertTrue(dpmRatio > 3.2 && dpmRatio < 4.6, "dpm++ error ratio " + dpmRatio);
            assertTrue(dpm[k] < euler[k] / 2, "dpm++ " + dpm[k] + " vs euler " + euler[k]);
        }
    }

    private double atHalfSigma(Scheduler scheduler, int steps) throws RenderException {
        NDArray noise = manager.ones(new Shape(1, 1, 1, 1, 1));
        List<Float> seen = new ArrayList<>();
        Velocity towardsSigma = (x, t, c) -> {
            float sigma = t.getFloat(0) / (float) FlowSchedule.TIMESTEP_SCALE;
            seen.add(x.getFloat(0, 0, 0, 0, 0));
            return x.sub(sigma).div(sigma);
        };
        sampler(scheduler, steps, 1.0, 1.0).sample(noise, context(1), towardsSigma, RenderControl.unlimited());
        return seen.get(steps / 2);
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void nanLatentsEndTheRenderWithRenderNan(Scheduler scheduler) {
        NDArray noise = manager.zeros(new Shape(1, 1, 1, 2, 2));
        Velocity broken = (x, t, c) -> x.div(0f);
        RenderException e = assertThrows(RenderException.class, () -> sampler(scheduler, 3, 1.0, 1.0)
                .sample(noise, context(1), broken, RenderControl.unlimited()));
        assertEquals("render.nan", e.code());
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void eachStepReportsProgressAndACancelStopsBeforeTheNextStep(Scheduler scheduler) {
        NDArray noise = manager.zeros(new Shape(1, 1, 1, 2, 2));
        List<Double> progress = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        Velocity counting = (x, t, c) -> {
            calls.add(calls.size());
            return x.onesLike();
        };
        RenderControl cancelAtThirdStep = p -> {
            progress.add(p);
            if (progress.size() == 3) {
                throw new RenderCancelledException("render.canceled", "stopped by the test");
            }
        };
        assertThrows(RenderCancelledException.class, () -> sampler(scheduler, 4, 1.0, 3.0)
                .sample(noise, context(1), counting, cancelAtThirdStep));
        assertEquals(List.of(0.0, FlowSampler.PROGRESS_SHARE / 4, FlowSampler.PROGRESS_SHARE / 2), progress);
        assertEquals(2, calls.size(), "the denoiser ran for the two steps before the cancel only");
    }

    /** Guidance 1 (distilled): one denoiser call per step on a batch of one, at the explicit schedule's sigmas. */
    @Test
    void guidanceOneRunsOneForwardPerStepAtTheExplicitSigmas() throws Exception {
        List<Float> timesteps = new ArrayList<>();
        Velocity counting = (x, t, c) -> {
            assertEquals(1, x.getShape().get(0), "no CFG batch");
            timesteps.add(t.toFloatArray()[0]);
            return x.zerosLike();
        };
        NDArray noise = manager.randomNormal(new Shape(1, 2, 1, 2, 2));
        new FlowSampler(new SamplerSettings(4, 1.0, 5.0, Scheduler.FLOW_EULER, List.of(1.0, 0.75, 0.5, 0.25), 0))
                .sample(noise, context(1), counting, RenderControl.unlimited());
        assertEquals(List.of(1000f, 937.5f, (float) (2500.0 / 3.0), 625f), timesteps);
    }

    @ParameterizedTest
    @EnumSource(value = Scheduler.class, names = {"FLOW_DMD", "FLOW_EULER_STOCHASTIC"}, mode = EnumSource.Mode.EXCLUDE)
    void twoExpertsSwitchAtTheBoundaryStepEachWithItsGuidance(Scheduler scheduler) throws Exception {
        // Wan 2.2 T2V A14B's defaults: 40 steps, shift 12, boundary 0.875, guidance 4 (high) and 3 (low). The
        // schedule's sigmas are 12 s / (1 + 11 s) with s = 1 - i / 40, at or above 0.875 while s >= 0.875 / 2.375
        // (i <= 25.26): steps 0..25 on the high-noise expert, 26..39 on the low-noise one.
        SamplerSettings wan22 = SamplerSettings.of(io.reelforge.models.ModelFamily.WAN22_T2V_A14B.defaults());
        assertEquals(new io.reelforge.models.ExpertSwitch(0.875, 3.0), wan22.experts());
        List<Float> high = new ArrayList<>();
        List<Float> low = new ArrayList<>();
        NDArray noise = manager.zeros(new Shape(1, 1, 1, 1, 1));
        NDArray out = new FlowSampler(new SamplerSettings(wan22.steps(), wan22.guidance(), wan22.shift(), scheduler,
                List.of(), 0, wan22.experts())).sample(noise, context(2), recording(high), recording(low),
                RenderControl.unlimited());
        assertEquals(26, high.size(), "high-noise steps: " + high);
        assertEquals(14, low.size(), "low-noise steps: " + low);
        assertTrue(high.get(high.size() - 1) >= 875f && low.get(0) < 875f, high + " / " + low);
        if (scheduler == Scheduler.FLOW_EULER) {
            // prompt half 1, negative half 0: the guided velocity is the expert's guidance, integrated over sigma
            double switchSigma = 12 * 0.35 / (1 + 11 * 0.35);
            assertEquals(-(4.0 * (1 - switchSigma) + 3.0 * switchSigma), out.toFloatArray()[0], 1e-5);
        }
    }

    /**
     * DMD (FastWan): the denoiser gets the timesteps themselves, one forward of the prompt per step; with a denoiser
     * that always predicts the clean sample c at the table's noise level, every step's x0 is c, so the result is c
     * exactly whatever noise is added in between, and the stream is drawn once per later step.
     */
    @Test
    void dmdPredictsTheCleanSampleAndRenoisesBetweenSteps() throws Exception {
        SamplerSettings dmd = new SamplerSettings(3, 1.0, 8.0, Scheduler.FLOW_DMD, List.of(1.0, 0.757, 0.522), 0);
        RenoiseRun run = renoiseRun(dmd, t -> DmdStep.noiseLevel(t, 8.0));
        assertArrayEquals(CLEAN, run.out(), 1e-5f);
        assertEquals(List.of(1000f, 757f, 522f), run.timesteps());
        assertEquals(2, run.draws());
    }

    /**
     * Stochastic Euler (LTX-Video 0.9.6 distilled): the denoiser runs at the shifted schedule's timesteps, and with one
     * that always predicts the clean sample c every step's x0 is c, so the result is c exactly whatever noise is added;
     * the stream is drawn once per step but the last, and without a stream the sampler refuses.
     */
    @Test
    void stochasticEulerPredictsTheCleanSampleAndRenoisesToTheSchedulesSigmas() throws Exception {
        // 4 steps, shift 3: s = 1, 0.75, 0.5, 0.25 -> 3 s / (1 + 2 s) = 1, 0.9, 0.75, 0.5
        SamplerSettings settings = new SamplerSettings(4, 1.0, 3.0, Scheduler.FLOW_EULER_STOCHASTIC);
        RenoiseRun run = renoiseRun(settings, t -> t / 1000);
        assertArrayEquals(CLEAN, run.out(), 1e-5f);
        assertArrayEquals(new float[] {1000f, 900f, 750f, 500f}, new float[] {run.timesteps().get(0),
            run.timesteps().get(1), run.timesteps().get(2), run.timesteps().get(3)}, 1e-3f);
        assertEquals(3, run.draws());
        assertThrows(IllegalArgumentException.class, () -> new FlowSampler(settings).sample(
                manager.zeros(new Shape(1, 1, 1, 2, 2)), context(1), (x, t, c) -> x, RenderControl.unlimited()));
    }

    private static final float[] CLEAN = {0.25f, -1.5f, 3f, 0f};

    /** What a re-noising sampler did with a denoiser that always predicts {@link #CLEAN} at {@code level(timestep)}. */
    private record RenoiseRun(float[] out, List<Float> timesteps, int draws) {
    }

    private RenoiseRun renoiseRun(SamplerSettings settings, java.util.function.DoubleUnaryOperator level)
            throws Exception {
        NDArray noise = manager.create(new float[] {1f, 2f, -0.5f, 0.75f}, new Shape(1, 1, 1, 2, 2));
        NDArray clean = manager.create(CLEAN, new Shape(1, 1, 1, 2, 2));
        List<Float> timesteps = new ArrayList<>();
        Velocity fixed = (x, t, ctx) -> {
            assertEquals(1, x.getShape().get(0));
            float timestep = t.toFloatArray()[0];
            timesteps.add(timestep);
            return x.sub(clean).div((float) level.applyAsDouble(timestep));
        };
        int[] draws = {0};
        NDArray out = new FlowSampler(settings, counting(draws)).sample(noise, context(1), fixed,
                RenderControl.unlimited());
        return new RenoiseRun(out.toFloatArray(), timesteps, draws[0]);
    }

    /** FastVideo's DMD table (shift 8, 1000 steps): the noise level at each of FastWan's timesteps. */
    @Test
    void dmdNoiseLevelsAreThoseOfTheNearestTrainingTimestep() {
        // 1000 s / 1000 with s = 1; 757 is nearest k = 280 (8 * 0.28 / 2.96 = 0.756757 -> 756.757), 522 k = 120
        assertEquals(1.0, DmdStep.noiseLevel(1000, 8.0), 1e-7);
        assertEquals(8 * 0.28 / (1 + 7 * 0.28), DmdStep.noiseLevel(757, 8.0), 1e-6);
        assertEquals(8 * 0.12 / (1 + 7 * 0.12), DmdStep.noiseLevel(522, 8.0), 1e-6);
    }

    @Test
    void dmdWithoutItsTimestepsOrWithGuidanceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(3, 1.0, 8.0, Scheduler.FLOW_DMD));
        assertThrows(IllegalArgumentException.class,
                () -> new SamplerSettings(3, 5.0, 8.0, Scheduler.FLOW_DMD, List.of(1.0, 0.757, 0.522), 0));
        assertThrows(IllegalArgumentException.class, () -> new FlowSampler(new SamplerSettings(3, 1.0, 8.0,
                Scheduler.FLOW_DMD, List.of(1.0, 0.757, 0.522), 0)).sample(manager.zeros(new Shape(1, 1, 1, 1, 1)),
                context(1), (x, t, ctx) -> x, RenderControl.unlimited()));
    }

    @Test
    void aLowNoiseDenoiserWithoutAnExpertSwitchIsAProgrammingError() {
        NDArray noise = manager.zeros(new Shape(1, 1, 1, 1, 1));
        Velocity zero = (x, t, c) -> x.zerosLike();
        assertThrows(IllegalArgumentException.class, () -> sampler(Scheduler.FLOW_EULER, 2, 1.0, 1.0)
                .sample(noise, context(1), zero, zero, RenderControl.unlimited()));
    }

    /** A guided stand-in that notes each call's timestep: 1 for the prompt half, 0 for the negative half. */
    private static Velocity recording(List<Float> timesteps) {
        return (x, t, c) -> {
            assertEquals(2, x.getShape().get(0), "a CFG batch of two");
            timesteps.add(t.toFloatArray()[0]);
            NDArray positive = x.get("0:1").onesLike();
            return positive.concat(x.get("1:2").zerosLike(), 0);
        };
    }

    private static float[] path(float[] clean, float[] noise, double sigma) {
        float[] out = new float[clean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - sigma) * clean[i] + sigma * noise[i]);
        }
        return out;
    }

    /** Seed 42's stream, counting its draws in {@code draws[0]}. */
    private static SeededNoise counting(int[] draws) {
        return new SeededNoise(42) {
            @Override
            NDArray next(NDManager m, long[] shape) {
                draws[0]++;
                return super.next(m, shape);
            }
        };
    }

    private static FlowSampler sampler(Scheduler scheduler, int steps, double guidance, double shift) {
        return new FlowSampler(new SamplerSettings(steps, guidance, shift, scheduler));
    }

    private NDArray context(int batch) {
        return manager.zeros(new Shape(batch, 4, 8));
    }
}
