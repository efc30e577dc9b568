package io.reelforge.djl;

import io.reelforge.models.SamplerDefaults;
import io.reelforge.models.Scheduler;
import java.util.Objects;

/**
 * One render's sampler settings. Guidance 1 turns classifier-free guidance off (distilled models), which
 * halves the denoiser's work.
 */
public record SamplerSettings(int steps, double guidance, double shift, Scheduler scheduler) {

    public SamplerSettings {
        if (steps < 1 || guidance < 1 || !(shift > 0)) {
            throw new IllegalArgumentException("steps >= 1, guidance >= 1 and shift > 0 are required");
        }
        Objects.requireNonNull(scheduler, "scheduler");
    }

    public static SamplerSettings of(SamplerDefaults defaults) {
        return new SamplerSettings(defaults.steps(), defaults.guidance(), defaults.shift(), defaults.scheduler());
    }

    /** The same settings with another step count (the import's one-step smoke sample). */
    SamplerSettings withSteps(int count) {
        return new SamplerSettings(count, guidance, shift, scheduler);
    }

    boolean guided() {
        return guidance != 1.0;
    }
}
