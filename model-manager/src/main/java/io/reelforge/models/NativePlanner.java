package io.reelforge.models;

import java.util.Comparator;
import java.util.List;

/**
 * Maps a request (output size, duration) onto what a model renders natively. Pure functions: the engine
 * resizes the result to the exact output size afterwards.
 */
public final class NativePlanner {

    /**
     * Aspect counts four times as much as area: a wrong aspect means cropping or stretching, a wrong area
     * only a softer upscale.
     */
    private static final double ASPECT_WEIGHT = 4.0;

    private NativePlanner() {
    }

    /** The native size nearest to {@code width x height}, by aspect first and area second. */
    public static NativeSize nearestSize(List<NativeSize> sizes, int width, int height) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("no native sizes");
        }
        double aspect = width / (double) height;
        double area = (double) width * height;
        return sizes.stream()
                .min(Comparator.comparingDouble(s -> ASPECT_WEIGHT * Math.abs(Math.log(s.aspect() / aspect))
                        + Math.abs(Math.log(s.area() / area))))
                .orElseThrow();
    }

    /** The frames the rule allows nearest to {@code seconds} at {@code fps}. */
    public static int frameCount(FrameRule rule, int fps, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("duration must be positive: " + seconds);
        }
        return rule.nearest((int) Math.round(seconds * fps));
    }

    public static NativePlan plan(List<NativeSize> sizes, FrameRule rule, int fps, int width, int height,
            double seconds) {
        return new NativePlan(nearestSize(sizes, width, height), frameCount(rule, fps, seconds), fps);
    }
}
