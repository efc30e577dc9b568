package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import java.util.Arrays;

/**
 * Samples a flow-matching model with classifier-free guidance: at each sigma of the shifted schedule the
 * denoiser predicts a velocity for the prompt and for the negative prompt (one batch of two), the two are mixed
 * as {@code v = v_neg + g (v_pos - v_neg)}, and the settings' scheduler ({@link FlowStep}) moves the latents to
 * the next sigma. Between steps a cancel or time limit takes effect and progress flows; NaN or infinite latents
 * end the render as {@code render.nan}. export/make_tiny_fixtures.py holds the same samplers in torch, which
 * the tests compare against.
 */
final class FlowSampler {

    /** The share of a render's progress the sampling takes; decoding and delivery take the rest. */
    static final double PROGRESS_SHARE = 0.85;

    private final SamplerSettings settings;
    private final SeededNoise noise;

    /**
     * @param noise the render's noise stream, after its initial latents (what {@code flow-dmd} and
     *              {@code flow-euler-stochastic} add)
     */
    FlowSampler(SamplerSettings settings, SeededNoise noise) {
        this.settings = settings;
        this.noise = noise;
    }

    /** A sampler that adds no noise between steps (any scheduler that does not re-noise). */
    FlowSampler(SamplerSettings settings) {
        this(settings, null);
    }

    /**
     * @param noise   initial latents [1, C, F, h, w]; left open, the caller owns it
     * @param context embeddings [2, L, D] (prompt, negative prompt), or [1, L, D] when guidance is off
     * @return the clean latents, in the noise's manager
     */
    NDArray sample(NDArray noise, NDArray context, Velocity denoiser, RenderControl control) throws RenderException {
        return sample(noise, context, denoiser, null, control);
    }

    /**
     * Two experts (Wan 2.2 A14B): {@code high} for the steps whose timestep is at or above the settings' boundary,
     * {@code low} with the low-noise guidance after ({@link io.reelforge.models.ExpertSwitch}); {@code low} null
     * for one denoiser.
     */
    NDArray sample(NDArray noise, NDArray context, Velocity high, Velocity low, RenderControl control)
            throws RenderException {
        if ((low == null) != (settings.experts() == null)) {
            throw new IllegalArgumentException("a low-noise denoiser goes with an expert switch in the settings");
        }
        double[] sigmas = settings.schedule();
        int batch = settings.guided() ? 2 : 1;
        NDArray x = noise;
        if (settings.scheduler().renoises() && this.noise == null) {
            throw new IllegalArgumentException(settings.scheduler() + " samples with a noise stream");
        }
        try (FlowStep step = FlowStep.of(settings.scheduler(), sigmas, settings.shift(), this.noise)) {
            for (int i = 0; i < settings.steps(); i++) {
                // between steps: a cancel takes effect here, and progress flows per step
                control.checkpoint(PROGRESS_SHARE * i / settings.steps());
                NDArray next;
                try (NDScope scope = new NDScope()) {
                    float timestep = (float) (sigmas[i] * FlowSchedule.TIMESTEP_SCALE);
                    boolean highNoise = low == null || settings.experts().highNoise(timestep);
                    next = step.next(i, x, velocity(x, context, highNoise ? high : low, timestep, batch,
                            highNoise ? settings.guidance() : settings.experts().guidanceLow()));
                    NDScope.unregister(next);
                }
                if (x != noise) {
                    x.close();
                }
                x = next;
                requireFinite(x, i);
            }
        }
        return x;
    }

    /** The velocity at {@code timestep} (sigma x 1000), guided with {@code guidance} when the batch holds two. */
    private NDArray velocity(NDArray x, NDArray context, Velocity denoiser, float timestep, int batch,
            double guidance) {
        float[] t = new float[batch];
        Arrays.fill(t, timestep);
        NDArray timesteps = x.getManager().create(t);
        NDArray input = batch == 1 ? x : NDArrays.concat(new NDList(x, x), 0);
        NDArray v = denoiser.predict(input, timesteps, context);
        if (batch == 1) {
            return v;
        }
        NDArray positive = v.get("0:1");
        NDArray negative = v.get("1:2");
        return negative.add(positive.sub(negative).mul((float) guidance));
    }

    private static void requireFinite(NDArray x, int step) throws RenderException {
        boolean bad = x.isNaN().logicalOr(x.isInfinite()).any().getBoolean();
        if (bad) {
            throw new RenderException("render.nan", "the latents became NaN or infinite at step " + (step + 1)
                    + "; the model or its export is numerically unstable at this precision");
        }
    }
}
