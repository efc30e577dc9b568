package io.reelforge.djl;

import io.reelforge.models.ExpertSwitch;
import io.reelforge.models.SamplerDefaults;
import io.reelforge.models.Scheduler;
import java.util.List;

/**
 * One render's sampler settings. Guidance 1 turns classifier-free guidance off (distilled models), which
 * halves the denoiser's work.
 */
public record SamplerSettings(int steps, double guidance, double shift, Scheduler scheduler, List<Double> sigmas,
        double shiftTerminal, ExpertSwitch experts) {

    public SamplerSettings {
        // one set of rules: the manifest's
        new SamplerDefaults(steps, guidance, shift, scheduler, sigmas, shiftTerminal, null, experts);
        sigmas = List.copyOf(sigmas);
    }

    public SamplerSettings(int steps, double guidance, double shift, Scheduler scheduler, List<Double> sigmas,
            double shiftTerminal) {
        this(steps, guidance, shift, scheduler, sigmas, shiftTerminal, null);
    }

    public SamplerSettings(int steps, double guidance, double shift, Scheduler scheduler) {
        this(steps, guidance, shift, scheduler, List.of(), 0);
    }

    public static SamplerSettings of(SamplerDefaults defaults) {
        return new SamplerSettings(defaults.steps(), defaults.guidance(), defaults.shift(), defaults.scheduler(),
                defaults.sigmas(), defaults.shiftTerminal(), defaults.experts());
    }

    /** These settings for one render: a dynamic shift (LTX) computed from that render's latent size; null keeps them. */
    SamplerSettings forLatent(io.reelforge.models.DynamicShift dynamic, long latentTokens) {
        return dynamic == null ? this
                : new SamplerSettings(steps, guidance, dynamic.shift(latentTokens), scheduler, sigmas, shiftTerminal,
                        experts);
    }

    /** The same settings with fewer steps (the import's one-step smoke sample): an explicit schedule's first ones. */
    SamplerSettings withSteps(int count) {
        return new SamplerSettings(count, guidance, shift, scheduler,
                sigmas.isEmpty() ? sigmas : sigmas.subList(0, count), shiftTerminal, experts);
    }

    /**
     * steps + 1 sigmas, from the first noise level down to 0; for {@code flow-dmd} its timesteps / 1000 as given
     * (the noise levels are looked up in {@link DmdStep}).
     */
    double[] schedule() {
        if (scheduler == Scheduler.FLOW_DMD) {
            double[] out = new double[steps + 1];
            for (int i = 0; i < steps; i++) {
                out[i] = sigmas.get(i);
            }
            return out;
        }
        return FlowSchedule.sigmas(steps, shift, sigmas, shiftTerminal);
    }

    boolean guided() {
        return guidance != 1.0;
    }
}
