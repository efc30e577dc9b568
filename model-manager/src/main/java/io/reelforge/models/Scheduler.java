package io.reelforge.models;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The flow-matching samplers a package can name in its manifest's {@code defaults.scheduler}. Euler and
 * DPM-Solver++ integrate the same shifted sigma schedule from noise to data with classifier-free guidance and
 * differ in how a step uses the denoiser's velocity; DMD re-noises between steps (docs/models.md, Sampling).
 */
public enum Scheduler {

    /** First-order Euler steps on the velocity: diffusers' FlowMatchEulerDiscreteScheduler, LTX-Video's default. */
    FLOW_EULER("flow-euler"),
    /**
     * DPM-Solver++ (2M): second-order multistep on the clean-sample prediction, as Wan's
     * FlowDPMSolverMultistepScheduler; as good as Euler with fewer steps.
     */
    FLOW_DPMPP_2M("flow-dpmpp-2m"),
    /**
     * Distribution-matching distilled models (FastVideo's FastWan): at each of a few fixed timesteps the clean
     * latents are predicted from the velocity, then noised again with fresh Gaussian noise to the next timestep's
     * level; no guidance. Its {@code sigmas} are the timesteps / 1000 as the denoiser gets them, unshifted, and
     * {@code shift} is that of the 1000-step training table in which each timestep's noise level is looked up.
     */
    FLOW_DMD("flow-dmd"),
    /**
     * Euler's schedule with stochastic steps (LTX-Video 0.9.6 distilled, {@code stochastic_sampling}): at each step
     * the clean latents {@code x - sigma v} are noised again with fresh Gaussian noise to the next sigma, as diffusers'
     * FlowMatchEulerDiscreteScheduler(stochastic_sampling=True) and Lightricks' RectifiedFlowScheduler do.
     */
    FLOW_EULER_STOCHASTIC("flow-euler-stochastic");

    private final String id;

    Scheduler(String id) {
        this.id = id;
    }

    /** Whether the sampler draws fresh noise between steps (from the render's seeded stream). */
    public boolean renoises() {
        return this == FLOW_DMD || this == FLOW_EULER_STOCHASTIC;
    }

    /** The name a manifest uses. */
    public String id() {
        return id;
    }

    public static Optional<Scheduler> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scheduler::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
