package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * FastVideo's DMD step on its own, against values worked out by hand: {@code x0 = x_t - sigma v}, then
 * {@code x_next = (1 - sigma') x0 + sigma' eps}, the last step returning {@code x0}. FastWan's timesteps 1000, 757,
 * 522 sit on the shift-8 training table at s = 1, 0.28 and 0.12, i.e. sigma 1, 2.24 / 2.96 and 0.96 / 1.84.
 */
class DmdStepTest {

    private static final double[] FASTWAN = {1.0, 0.757, 0.522, 0.0};
    private static final float[] X = {1f, -2f};
    private static final float[] V = {0.5f, 1f};
    private static final float[] EPS = {0.2f, -0.4f};

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void eachStepPredictsTheCleanSampleAndRenoisesToTheNextLevel() {
        DmdStep step = new DmdStep(FASTWAN, 8.0, fixedNoise());
        // step 0, sigma 1 -> 0.756757: x0 = (0.5, -3); 0.243243 x0 + 0.756757 eps
        NDArray x1 = step.next(0, array(X), array(V));
        assertArrayEquals(new float[] {0.2729730f, -1.0324324f}, x1.toFloatArray(), 1e-6f);
        // step 1, sigma 0.756757 -> 0.521739: x0 = x1 - 0.756757 v = (-0.105405, -1.789189); 0.478261 x0 + 0.521739 eps
        NDArray x2 = step.next(1, x1, array(V));
        assertArrayEquals(new float[] {0.0539365f, -1.0643948f}, x2.toFloatArray(), 1e-6f);
        // the last step, sigma 0.521739, returns x0 = x2 - 0.521739 v without noise
        NDArray x3 = step.next(2, x2, array(V));
        assertArrayEquals(new float[] {-0.2069330f, -1.5861340f}, x3.toFloatArray(), 1e-6f);
    }

    /**
     * The re-noise is the render's seeded stream: the Gaussians {@code java.util.Random(seed)} gives, so the same seed
     * gives the same step on any machine.
     */
    @Test
    void theRenoiseIsTheSeedsGaussians() {
        Random random = new Random(1234);
        float[] eps = {(float) random.nextGaussian(), (float) random.nextGaussian()};
        double sigma = 2.24 / 2.96;
        float[] expected = new float[2];
        for (int k = 0; k < 2; k++) {
            expected[k] = (float) ((1 - sigma) * (X[k] - V[k]) + sigma * eps[k]);
        }
        NDArray a = new DmdStep(FASTWAN, 8.0, new SeededNoise(1234)).next(0, array(X), array(V));
        NDArray b = new DmdStep(FASTWAN, 8.0, new SeededNoise(1234)).next(0, array(X), array(V));
        assertArrayEquals(expected, a.toFloatArray(), 1e-6f);
        assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
        NDArray other = new DmdStep(FASTWAN, 8.0, new SeededNoise(1235)).next(0, array(X), array(V));
        assertFalse(Arrays.equals(a.toFloatArray(), other.toFloatArray()));
    }

    /**
     * The stochastic Euler step (LTX-Video 0.9.6 distilled) is the same update at the schedule's own sigmas, here
     * 1 -> 0.5 -> 0: x0 = (0.5, -3), then 0.5 x0 + 0.5 eps = (0.35, -1.7); the last step x0 = x - 0.5 v = (0.1, -2.2).
     */
    @Test
    void theStochasticEulerStepRenoisesToTheSchedulesOwnSigmas() {
        RenoiseStep step = new RenoiseStep(new double[] {1.0, 0.5}, fixedNoise());
        NDArray x1 = step.next(0, array(X), array(V));
        assertArrayEquals(new float[] {0.35f, -1.7f}, x1.toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.1f, -2.2f}, step.next(1, x1, array(V)).toFloatArray(), 1e-6f);
    }

    private NDArray array(float[] values) {
        return manager.create(values, new Shape(1, 1, 1, 1, 2));
    }

    private static SeededNoise fixedNoise() {
        return new SeededNoise(0) {
            @Override
            NDArray next(NDManager m, long[] shape) {
                return m.create(EPS, new Shape(shape));
            }
        };
    }
}
