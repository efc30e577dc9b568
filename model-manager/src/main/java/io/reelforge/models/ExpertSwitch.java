package io.reelforge.models;

/**
 * Wan 2.2 A14B's two experts: a high-noise transformer ({@code denoiser}) for the steps whose timestep
 * (sigma x 1000) is at or above {@code boundary x 1000}, a low-noise one ({@code denoiser_low}) after, as
 * diffusers' {@code WanPipeline} switches on its {@code boundary_ratio} ({@code t >= boundary_ratio *
 * num_train_timesteps}: the high-noise stage). The low-noise expert mixes classifier-free guidance with
 * {@code guidanceLow} (diffusers' {@code guidance_scale_2}); guidance on or off is decided by the high-noise
 * {@code guidance} alone, as there.
 *
 * @param boundary    the switching point as a share of the 1000 training timesteps, in (0, 1) (0.875 for Wan 2.2
 *                    T2V A14B, 0.9 for I2V A14B)
 * @param guidanceLow the low-noise expert's guidance scale, at least 1
 */
public record ExpertSwitch(double boundary, double guidanceLow) {

    public ExpertSwitch {
        if (!(boundary > 0 && boundary < 1)) {
            throw new IllegalArgumentException("boundary must be in (0, 1), not " + boundary);
        }
        if (!(guidanceLow >= 1)) {
            throw new IllegalArgumentException("guidance_2 must be at least 1, not " + guidanceLow);
        }
    }

    /** Whether the step at {@code timestep} (sigma x 1000, as the denoiser gets it) runs on the high-noise expert. */
    public boolean highNoise(double timestep) {
        return timestep >= boundary * 1000;
    }
}
