package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.util.SplittableRandom;

/**
 * Mountain ranges, hills and dunes as {@link Terrain} layers. Outlines reach well past the frame on both
 * sides and below it, so pans, orbits and rises never show an edge.
 */
final class Landforms {

    private static final Color ROCK = Colors.rgb(78, 84, 102);
    private static final Color ROCK_LIT = Colors.rgb(132, 136, 152);
    private static final Color SNOW = Colors.rgb(242, 246, 252);
    private static final Color GRASS = Colors.rgb(74, 112, 62);
    private static final Color GRASS_DARK = Colors.rgb(40, 70, 44);
    private static final Color SAND_LIT = Colors.rgb(236, 196, 136);
    private static final Color SAND_SHADE = Colors.rgb(176, 124, 78);

    private final SplittableRandom random;
    private final Palette palette;
    private final int width;
    private final int height;

    Landforms(SplittableRandom random, Palette palette, int width, int height) {
        this.random = random;
        this.palette = palette;
        this.width = width;
        this.height = height;
    }

    /**
     * One range of mountains standing on {@code baseY} (pixels), peaks up to {@code amplitude} (a fraction
     * of the frame height) above it; with {@code snowy} the highest parts are white.
     */
    Terrain mountains(double depth, double baseY, double amplitude, boolean snowy) {
        double amp = amplitude * height;
        double[] ridge = Ridges.jagged(random, 9, 10, amp, 0.5 + 0.06 * random.nextDouble());
        Path2D shape = Ridges.silhouette(x0(), x1(), baseY, ridge, height * 2.0);
        VerticalGradient paint = new VerticalGradient(baseY - amp, palette.land(ROCK_LIT, depth),
                baseY + height * 0.04, palette.land(ROCK, depth * 1.8));
        if (!snowy) {
            return new Terrain(shape, paint, depth);
        }
        Path2D caps = Ridges.caps(x0(), x1(), baseY, ridge, amp * 0.62);
        return new Terrain(shape, paint, depth, caps, palette.land(SNOW, depth));
    }

    /** Rolling green hills, the ground of scenes that have no other foreground. */
    Terrain hills(double depth, double baseY, double amplitude) {
        double amp = amplitude * height;
        Path2D shape = Ridges.silhouette(x0(), x1(), baseY, Ridges.rolling(random, 400, amp, 3 + random.nextDouble() * 2), height * 2.0);
        return new Terrain(shape, new VerticalGradient(baseY - amp, palette.ground(GRASS, depth),
                baseY + height * 0.3, palette.ground(GRASS_DARK, depth * 0.5)), depth);
    }

    /** A row of dunes: lit crests fading into shaded troughs. */
    Terrain dunes(double depth, double baseY, double amplitude) {
        double amp = amplitude * height;
        Path2D shape = Ridges.silhouette(x0(), x1(), baseY, Ridges.dunes(random, 600, amp, 3 + random.nextDouble() * 2), height * 2.0);
        return new Terrain(shape, new VerticalGradient(baseY - amp, palette.ground(SAND_LIT, depth),
                baseY + height * 0.12, palette.ground(SAND_SHADE, depth)), depth);
    }


    private double x0() {
        return -0.7 * width;
    }

    private double x1() {
        return 1.7 * width;
    }
}
