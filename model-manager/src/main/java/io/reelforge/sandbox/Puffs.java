package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Soft translucent sprites made of overlapping radial puffs: clouds and mist banks. Painted once per render,
 * blitted (unscaled, whole pixels) every frame.
 */
final class Puffs {

    private Puffs() {
    }

    /**
     * A sprite of {@code count} puffs along its width, lit from above: {@code lit} at the top of each puff,
     * {@code shade} below it, both fading to nothing at the edge.
     */
    static BufferedImage sprite(SplittableRandom random, int width, int height, int count, Color lit, Color shade,
                                double opacity) {
        BufferedImage image = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < count; i++) {
                double along = (i + 0.5) / count;
                // puffs in the middle are taller, so the outline is a dome rather than a slab
                double bulge = Math.sin(Math.PI * along);
                double rx = width * (0.12 + 0.10 * random.nextDouble());
                double ry = height * (0.22 + 0.26 * bulge * random.nextDouble());
                // every puff stays inside the sprite: a clipped puff shows as a hard edge in the sky
                double cx = clamp(width * (0.1 + 0.8 * along) + (random.nextDouble() - 0.5) * rx * 0.5, rx, width - rx);
                double cy = clamp(height * 0.72 - ry * 0.55 * bulge, ry, height - ry);
                paintPuff(g, cx, cy, rx, ry, lit, shade, opacity * (0.6 + 0.4 * random.nextDouble()));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private static void paintPuff(Graphics2D g, double cx, double cy, double rx, double ry, Color lit, Color shade,
                                  double opacity) {
        // a circular gradient stretched into an ellipse; its focus sits high, so the top of each puff is lit
        RadialGradientPaint paint = new RadialGradientPaint(new Point2D.Double(0, 0), 1f, new Point2D.Double(0, -0.45),
                new float[] {0f, 0.5f, 1f},
                new Color[] {Colors.alpha(lit, opacity), Colors.alpha(Colors.mix(lit, shade, 0.6), opacity * 0.75),
                        Colors.alpha(shade, 0)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE, MultipleGradientPaint.ColorSpaceType.SRGB,
                new AffineTransform(rx, 0, 0, ry, cx, cy));
        g.setPaint(paint);
        g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
    }
}
