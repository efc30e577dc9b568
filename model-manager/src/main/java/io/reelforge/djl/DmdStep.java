package io.reelforge.djl;

/**
 * FastVideo's DMD sampling step ({@code DmdDenoisingStage} / {@code DmdStrategy.forward}): the denoiser is given
 * the timestep itself (1000, 757, 522 for FastWan), its velocity becomes a clean-latent prediction
 * {@code x0 = x - sigma_t v} ({@code pred_noise_to_pred_video}), and before the next step the latents are noised
 * again with fresh Gaussian noise, {@code x = (1 - sigma_next) x0 + sigma_next eps} ({@code add_noise}); the last
 * step returns {@code x0}. {@code sigma_t} is looked up, as there, at the nearest timestep of the stage's own
 * {@code FlowMatchEulerDiscreteScheduler(shift)}, never set to the inference steps: its 1000-step training table
 * {@code timesteps_k = 1000 shift s / (1 + (shift - 1) s)}, {@code s = k / 1000}, computed in float32 as there.
 * The step itself is {@link RenoiseStep}'s.
 */
final class DmdStep extends RenoiseStep {

    private static final int TRAIN_STEPS = 1000;

    /**
     * @param timesteps the steps' timesteps / 1000 and a final 0 ({@link SamplerSettings#schedule()})
     * @param shift     the training table's shift (FastVideo's DMD stage: 8)
     */
    DmdStep(double[] timesteps, double shift, SeededNoise noise) {
        super(levels(timesteps, shift), noise);
    }

    private static double[] levels(double[] timesteps, double shift) {
        double[] levels = new double[timesteps.length - 1];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = noiseLevel(timesteps[i] * TRAIN_STEPS, shift);
        }
        return levels;
    }

    /** The noise level of the training table's timestep nearest to {@code timestep} (the first on a tie). */
    static double noiseLevel(double timestep, double shift) {
        float shiftF = (float) shift;
        float best = Float.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = TRAIN_STEPS; k >= 1; k--) {
            float s = k / (float) TRAIN_STEPS;
            float sigma = shiftF * s / (1f + (shiftF - 1f) * s);
            double distance = Math.abs(sigma * (float) TRAIN_STEPS - (float) timestep);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = sigma;
            }
        }
        return best;
    }
}
