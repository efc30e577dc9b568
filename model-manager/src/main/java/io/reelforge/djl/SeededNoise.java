package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The initial latents, drawn in Java rather than by the engine: {@link Random#nextGaussian()} is specified
 * to the bit, so a seed gives the same noise on every machine and device, CPU or GPU.
 */
final class SeededNoise {

    private SeededNoise() {
    }

    static NDArray gaussian(NDManager manager, long seed, long[] shape) {
        Shape s = new Shape(shape);
        float[] values = new float[Math.toIntExact(s.size())];
        Random random = new Random(seed);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, s);
    }
}
