package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * The render's Gaussian noise, drawn in Java rather than by the engine: {@link Random#nextGaussian()} is specified
 * to the bit, so a seed gives the same noise on every machine and device, CPU or GPU. One stream per render: the
 * initial latents first, then whatever a sampler adds between steps ({@code flow-dmd}), as FastVideo draws both
 * from one generator.
 */
class SeededNoise {

    private final Random random;

    SeededNoise(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code shape} Gaussians of the stream. */
    NDArray next(NDManager manager, long[] shape) {
        Shape s = new Shape(shape);
        float[] values = new float[Math.toIntExact(s.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return manager.create(values, s);
    }

    static NDArray gaussian(NDManager manager, long seed, long[] shape) {
        return new SeededNoise(seed).next(manager, shape);
    }
}
