package io.reelforge.djl;

import io.reelforge.models.SamplerDefaults;

/**
 * One render's sampler settings. Guidance 1 turns classifier-free guidance off (distilled models), which
 * halves the denoiser's work.
 */
public record SamplerSettings(int steps, double guidance, double shift) {

    public SamplerSettings {
        if (steps < 1 || guidance < 1 || !(shift > 0)) {
            throw new IllegalArgumentException("steps >= 1, guidance >= 1 and shift > 0 are required");
        }
    }

    public static SamplerSettings of(SamplerDefaults defaults) {
        return new SamplerSettings(defaults.steps(), defaults.guidance(), defaults.shift());
    }

    boolean guided() {
        return guidance != 1.0;
    }
}
