package io.reelforge.djl;

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
        double[] out = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double t = 1.0 - i / (double) steps;
            out[i] = shift * t / (1.0 + (shift - 1.0) * t);
        }
        return out;
    }
}
