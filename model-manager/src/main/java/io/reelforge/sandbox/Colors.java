package io.reelforge.sandbox;

import java.awt.Color;

/** Colour arithmetic in sRGB: good enough for a sandbox, and exact integer results keep frames reproducible. */
final class Colors {

    private Colors() {
    }

    static Color rgb(int r, int g, int b) {
        return new Color(clamp(r), clamp(g), clamp(b));
    }

    /** {@code a} at t = 0, {@code b} at t = 1, alpha included. */
    static Color mix(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color(
                clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u)),
                clamp((int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * u)));
    }

    /** {@code c} lit by {@code light}: each channel multiplied, as light falling on a surface. */
    static Color lit(Color c, Color light) {
        return new Color(c.getRed() * light.getRed() / 255, c.getGreen() * light.getGreen() / 255,
                c.getBlue() * light.getBlue() / 255, c.getAlpha());
    }

    static Color scale(Color c, double factor) {
        return new Color(clamp((int) Math.round(c.getRed() * factor)), clamp((int) Math.round(c.getGreen() * factor)),
                clamp((int) Math.round(c.getBlue() * factor)), c.getAlpha());
    }

    static Color alpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp((int) Math.round(alpha * 255)));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
