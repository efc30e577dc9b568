package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import io.reelforge.models.Scheduler;
import java.util.Arrays;

/**
 * One scheduler's update from {@code sigmas[i]} to {@code sigmas[i + 1]} given the guided velocity there. Made
 * for one sampling run (a multistep solver remembers earlier predictions) and closed when it ends.
 */
interface FlowStep extends AutoCloseable {

    /** The latents at {@code sigmas[i + 1]}; made in the current NDScope, which the caller unregisters it from. */
    NDArray next(int i, NDArray x, NDArray velocity);

    /** Frees what the step kept between calls. */
    @Override
    default void close() {
    }

    /**
     * @param shift  the training table's shift ({@code flow-dmd} only)
     * @param noise  the fresh noise {@code flow-dmd} and {@code flow-euler-stochastic} add between steps
     */
    static FlowStep of(Scheduler scheduler, double[] sigmas, double shift, SeededNoise noise) {
        return switch (scheduler) {
            case FLOW_EULER -> (i, x, v) -> x.add(v.mul((float) (sigmas[i + 1] - sigmas[i])));
            case FLOW_DPMPP_2M -> new DpmSolverStep(sigmas);
            case FLOW_DMD -> new DmdStep(sigmas, shift, noise);
            case FLOW_EULER_STOCHASTIC -> new RenoiseStep(Arrays.copyOf(sigmas, sigmas.length - 1), noise);
        };
    }
}
