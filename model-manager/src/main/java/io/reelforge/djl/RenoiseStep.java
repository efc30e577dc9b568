package io.reelforge.djl;

import ai.djl.ndarray.NDArray;

/**
 * A step that predicts the clean latents and noises them again to the next level with fresh Gaussian noise:
 * {@code x0 = x - sigma_i v}, then {@code x = (1 - sigma_(i+1)) x0 + sigma_(i+1) eps}; the last step returns
 * {@code x0}. FastVideo's DMD step ({@link DmdStep}, levels from its training table) and the stochastic Euler step of
 * diffusers' FlowMatchEulerDiscreteScheduler and LTX-Video's RectifiedFlowScheduler (the schedule's own sigmas). The
 * noise is the render's seeded stream, so a seed gives one clip.
 */
class RenoiseStep implements FlowStep {

    private final double[] levels;
    private final SeededNoise noise;

    /** @param levels the noise level of each step, one per step */
    RenoiseStep(double[] levels, SeededNoise noise) {
        this.levels = levels.clone();
        this.noise = noise;
    }

    @Override
    public NDArray next(int i, NDArray x, NDArray velocity) {
        NDArray clean = x.sub(velocity.mul((float) levels[i]));
        if (i == levels.length - 1) {
            return clean;
        }
        float next = (float) levels[i + 1];
        NDArray eps = noise.next(x.getManager(), x.getShape().getShape());
        return clean.mul(1f - next).add(eps.mul(next));
    }
}
