package io.reelforge.models;

import java.util.List;

import java.util.Objects;

/**
 * How a model is sampled unless a request says otherwise.
 *
 * @param shift     the flow-matching timestep shift: larger values spend more steps at high noise, which
 *                  bigger frames need (Wan uses 3 at 480p and 5 at 720p)
 * @param scheduler the sampler
 * @param sigmas    an explicit schedule (few-step distilled models): the step's noise levels before the shift,
 *                  strictly decreasing in (0, 1], one per step (e.g. LightX2V's 4-step Wan: 1, 0.75, 0.5, 0.25 with
 *                  shift 5); empty for the even spacing {@code 1 - i / steps}
 * @param shiftTerminal where the shifted schedule's last step is stretched to (LTX-Video 0.9.5+'s
 *                  {@code shift_terminal}), or 0 for none
 * @param dynamicShift the shift per render from its latent sequence length (LTX-Video), replacing {@code shift};
 *                  null for a fixed shift
 * @param experts   where a two-expert model (Wan 2.2 A14B) switches from its high-noise to its low-noise
 *                  denoiser and the latter's guidance; null for one denoiser
 */
public record SamplerDefaults(int steps, double guidance, double shift, Scheduler scheduler, List<Double> sigmas,
        double shiftTerminal, DynamicShift dynamicShift, ExpertSwitch experts) {

    public SamplerDefaults {
        if (steps < 1 || guidance < 1 || !(shift > 0)) {
            throw new IllegalArgumentException("steps >= 1, guidance >= 1 and shift > 0 are required");
        }
        Objects.requireNonNull(scheduler, "scheduler");
        sigmas = List.copyOf(sigmas);
        if (!sigmas.isEmpty() && sigmas.size() != steps) {
            throw new IllegalArgumentException("sigmas lists " + sigmas.size() + " noise levels but steps is " + steps);
        }
        for (int i = 0; i < sigmas.size(); i++) {
            double sigma = sigmas.get(i);
            if (!(sigma > 0 && sigma <= 1) || (i > 0 && !(sigma < sigmas.get(i - 1)))) {
                throw new IllegalArgumentException("sigmas must decrease strictly within (0, 1]: " + sigmas);
            }
        }
        if (!(shiftTerminal >= 0 && shiftTerminal < 1)) {
            throw new IllegalArgumentException("shift_terminal must be in [0, 1)");
        }
        if (scheduler == Scheduler.FLOW_DMD && (sigmas.isEmpty() || guidance != 1.0 || shiftTerminal != 0
                || dynamicShift != null || experts != null)) {
            throw new IllegalArgumentException("flow-dmd needs its timesteps as sigmas (e.g. 1, 0.757, 0.522) and"
                    + " guidance 1, with no shift_terminal, shift_dynamic or second expert");
        }
    }

    /** One denoiser. */
    public SamplerDefaults(int steps, double guidance, double shift, Scheduler scheduler, List<Double> sigmas,
            double shiftTerminal, DynamicShift dynamicShift) {
        this(steps, guidance, shift, scheduler, sigmas, shiftTerminal, dynamicShift, null);
    }

    /** Evenly spaced steps, no terminal stretch. */
    public SamplerDefaults(int steps, double guidance, double shift, Scheduler scheduler) {
        this(steps, guidance, shift, scheduler, List.of(), 0, null);
    }
}
