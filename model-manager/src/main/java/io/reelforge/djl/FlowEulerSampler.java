package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import java.util.Arrays;

/**
 * Euler integration of a flow-matching model with classifier-free guidance: at each sigma the denoiser
 * predicts a velocity for the prompt and for the negative prompt (one batch of two), the two are mixed as
 * {@code v = v_neg + g (v_pos - v_neg)}, and the latents move by {@code (sigma_next - sigma) v}. This is
 * the loop of diffusers' FlowMatchEulerDiscreteScheduler as Wan and LTX-Video use it, and of
 * export/make_tiny_fixtures.py, which the tests compare against.
 */
final class FlowEulerSampler {

    /** The share of a render's progress the sampling takes; decoding and delivery take the rest. */
    static final double PROGRESS_SHARE = 0.85;

    private final SamplerSettings settings;

    FlowEulerSampler(SamplerSettings settings) {
        this.settings = settings;
    }

    /**
     * @param noise   initial latents [1, C, F, h, w]; left open, the caller owns it
     * @param context embeddings [2, L, D] (prompt, negative prompt), or [1, L, D] when guidance is off
     * @return the clean latents, in the noise's manager
     */
    NDArray sample(NDArray noise, NDArray context, Velocity denoiser, RenderControl control) throws RenderException {
        double[] sigmas = FlowSchedule.sigmas(settings.steps(), settings.shift());
        int batch = settings.guided() ? 2 : 1;
        NDArray x = noise;
        for (int i = 0; i < settings.steps(); i++) {
            // between steps: a cancel takes effect here, and progress flows per step
            control.checkpoint(PROGRESS_SHARE * i / settings.steps());
            NDArray next;
            try (NDScope scope = new NDScope()) {
                next = step(x, context, denoiser, sigmas[i], sigmas[i + 1], batch);
                NDScope.unregister(next);
            }
            if (x != noise) {
                x.close();
            }
            x = next;
            requireFinite(x, i);
        }
        return x;
    }

    private NDArray step(NDArray x, NDArray context, Velocity denoiser, double sigma, double sigmaNext, int batch) {
        float[] t = new float[batch];
        Arrays.fill(t, (float) (sigma * FlowSchedule.TIMESTEP_SCALE));
        NDArray timesteps = x.getManager().create(t);
        NDArray input = batch == 1 ? x : NDArrays.concat(new NDList(x, x), 0);
        NDArray v = denoiser.predict(input, timesteps, context);
        if (batch == 2) {
            NDArray positive = v.get("0:1");
            NDArray negative = v.get("1:2");
            v = negative.add(positive.sub(negative).mul((float) settings.guidance()));
        }
        return x.add(v.mul((float) (sigmaNext - sigma)));
    }

    private static void requireFinite(NDArray x, int step) throws RenderException {
        boolean bad = x.isNaN().logicalOr(x.isInfinite()).any().getBoolean();
        if (bad) {
            throw new RenderException("render.nan", "the latents became NaN or infinite at step " + (step + 1)
                    + "; the model or its export is numerically unstable at this precision");
        }
    }
}
