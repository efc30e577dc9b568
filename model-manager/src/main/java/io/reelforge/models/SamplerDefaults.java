package io.reelforge.models;

import java.util.Objects;

/**
 * How a model is sampled unless a request says otherwise.
 *
 * @param shift     the flow-matching timestep shift: larger values spend more steps at high noise, which
 *                  bigger frames need (Wan uses 3 at 480p and 5 at 720p)
 * @param scheduler the sampler
 */
public record SamplerDefaults(int steps, double guidance, double shift, Scheduler scheduler) {

    public SamplerDefaults {
        if (steps < 1 || guidance < 1 || !(shift > 0)) {
            throw new IllegalArgumentException("steps >= 1, guidance >= 1 and shift > 0 are required");
        }
        Objects.requireNonNull(scheduler, "scheduler");
    }
}
