package io.reelforge.djl;

import java.util.List;

/**
 * The noise levels of a flow-matching sampler: sigma runs from 1 (pure noise) to 0 (clean) over
 * {@code steps} equal steps in t, then is shifted, {@code sigma = shift t / (1 + (shift - 1) t)}, so that
 * more of the steps fall at high noise where large frames decide their layout. Wan and LTX-Video both
 * train with this shift; the denoiser is given {@code sigma * 1000} as its timestep.
 */
final class FlowSchedule {

    static final double TIMESTEP_SCALE = 1000.0;

    private FlowSchedule() {
    }

    /** steps + 1 sigmas, from 1 down to 0. */
    static double[] sigmas(int steps, double shift) {
        return sigmas(steps, shift, List.of(), 0);
    }

    /**
     * steps + 1 sigmas: the explicit noise levels (or {@code 1 - i / steps}), each shifted, then stretched so that
     * the last step lands on {@code shiftTerminal} when it is above 0 (diffusers' FlowMatchEulerDiscreteScheduler
     * {@code stretch_shift_to_terminal}: {@code 1 - (1 - sigma) (1 - terminal) / (1 - sigma_last)}), then 0.
     */
    static double[] sigmas(int steps, double shift, List<Double> explicit, double shiftTerminal) {
        double[] out = new double[steps + 1];
        for (int i = 0; i < steps; i++) {
            double t = explicit.isEmpty() ? 1.0 - i / (double) steps : explicit.get(i);
            out[i] = shift * t / (1.0 + (shift - 1.0) * t);
        }
        if (shiftTerminal > 0) {
            double scale = (1.0 - out[steps - 1]) / (1.0 - shiftTerminal);
            for (int i = 0; i < steps; i++) {
                out[i] = 1.0 - (1.0 - out[i]) / scale;
            }
        }
        out[steps] = 0.0;
        return out;
    }
}
