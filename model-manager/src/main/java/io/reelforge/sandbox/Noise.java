package io.reelforge.sandbox;

import java.util.SplittableRandom;

/**
 * Seeds and stateless hashes. Per-frame randomness (twinkle, flicker, glints) is a hash of (seed, thing,
 * frame) rather than a generator advanced frame by frame, so a frame depends only on its index.
 */
final class Noise {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    /** SplitMix64's finalizer: a cheap bijective mix whose output bits all depend on all input bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for one part of the scene, so adding a layer does not reshuffle the others. */
    static long seed(long base, String part) {
        return mix(base + GOLDEN * (part.hashCode() + 1L));
    }

    static SplittableRandom random(long base, String part) {
        return new SplittableRandom(seed(base, part));
    }

    /** A uniform value in [0, 1) for (seed, a). */
    static double unit(long seed, long a) {
        return (mix(seed ^ mix(a + GOLDEN)) >>> 11) * 0x1.0p-53;
    }

    /** A uniform value in [0, 1) for (seed, a, b). */
    static double unit(long seed, long a, long b) {
        return unit(mix(seed ^ mix(a + GOLDEN)), b);
    }
}
