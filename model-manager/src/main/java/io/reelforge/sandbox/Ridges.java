package io.reelforge.sandbox;

import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/** Height profiles for landforms and the closed outlines made from them. */
final class Ridges {

    private Ridges() {
    }

    /**
     * A jagged mountain ridge by midpoint displacement: heights 0..amplitude at {@code 2^levels + 1} evenly
     * spaced points. It starts from {@code peaks} random heights, so the range has several summits rather
     * than one long slope; each halving of the spacing scales the jitter by {@code roughness}.
     */
    static double[] jagged(SplittableRandom random, int levels, int peaks, double amplitude, double roughness) {
        int n = (1 << levels) + 1;
        int stride = Integer.highestOneBit(Math.max(1, (n - 1) / peaks));
        double[] h = new double[n];
        for (int i = 0; i < n; i += stride) {
            h[i] = random.nextDouble();
        }
        double jitter = 0.6;
        for (int step = stride; step > 1; step /= 2) {
            for (int i = step / 2; i < n; i += step) {
                h[i] = (h[i - step / 2] + h[i + step / 2]) / 2 + (random.nextDouble() - 0.5) * jitter;
            }
            jitter *= roughness;
        }
        return normalize(h, amplitude);
    }

    /** Dunes: sharp crests between smooth hollows, the crests unevenly spaced. */
    static double[] dunes(SplittableRandom random, int points, double amplitude, double waves) {
        double[] h = new double[points];
        double phase = random.nextDouble() * 7;
        double wobble = random.nextDouble() * 7;
        for (int i = 0; i < points; i++) {
            double u = i / (double) (points - 1) * 2 * Math.PI;
            double warped = u * waves + phase + 0.6 * Math.sin(u * waves * 0.37 + wobble);
            h[i] = Math.pow(1 - Math.abs(Math.sin(warped)), 1.6) * (0.75 + 0.25 * Math.sin(u * 1.7 + wobble));
        }
        return normalize(h, amplitude);
    }

    /** A smooth rolling profile (hills, dunes): a few sine waves with random phases. */
    static double[] rolling(SplittableRandom random, int points, double amplitude, double waves) {
        double[] h = new double[points];
        double[] phase = {random.nextDouble() * 7, random.nextDouble() * 7, random.nextDouble() * 7};
        double[] freq = {waves, waves * (2.1 + random.nextDouble() * 0.4), waves * (4.3 + random.nextDouble())};
        for (int i = 0; i < points; i++) {
            double u = i / (double) (points - 1) * 2 * Math.PI;
            h[i] = Math.sin(u * freq[0] + phase[0]) + 0.45 * Math.sin(u * freq[1] + phase[1])
                    + 0.15 * Math.sin(u * freq[2] + phase[2]);
        }
        return normalize(h, amplitude);
    }

    /** The shape under a profile: from {@code x0} to {@code x1}, heights above {@code baseY}, down to {@code bottomY}. */
    static Path2D silhouette(double x0, double x1, double baseY, double[] heights, double bottomY) {
        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, heights.length + 3);
        path.moveTo(x0, bottomY);
        for (int i = 0; i < heights.length; i++) {
            path.lineTo(x0 + (x1 - x0) * i / (heights.length - 1), baseY - heights[i]);
        }
        path.lineTo(x1, bottomY);
        path.closePath();
        return path;
    }

    /**
     * Snow on the parts of a profile higher than {@code snowLine}: from the ridge down to a lower edge that
     * follows the ridge, thicker on higher peaks, thinning to nothing at the snow line.
     */
    static Path2D caps(double x0, double x1, double baseY, double[] heights, double snowLine) {
        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, heights.length * 2 + 1);
        int n = heights.length;
        path.moveTo(x0, baseY - Math.min(heights[0], snowLine));
        for (int i = 0; i < n; i++) {
            path.lineTo(x0 + (x1 - x0) * i / (n - 1), baseY - heights[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            double lower = heights[i] > snowLine ? snowLine + (heights[i] - snowLine) * 0.4 : heights[i];
            path.lineTo(x0 + (x1 - x0) * i / (n - 1), baseY - lower);
        }
        path.closePath();
        return path;
    }

    private static double[] normalize(double[] h, double amplitude) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : h) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min == 0 ? 1 : max - min;
        for (int i = 0; i < h.length; i++) {
            h[i] = (h[i] - min) / range * amplitude;
        }
        return h;
    }
}
