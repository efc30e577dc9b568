package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;

/**
 * A product-shot studio: a seamless cyclorama (wall curving into floor, no visible corner) under a soft
 * key light, tinted by the time of day the prompt named.
 */
final class Studio {

    /** The floor line the turntable stands on, as a fraction of the height. */
    static final double FLOOR_Y = 0.62;

    private Studio() {
    }

    static Backdrop cyclorama(int width, int height, TimeOfDay time) {
        Color[] tones = switch (time) {
            case DAWN -> new Color[] {Colors.rgb(252, 232, 220), Colors.rgb(150, 118, 120)};
            case DAY -> new Color[] {Colors.rgb(240, 241, 245), Colors.rgb(118, 122, 132)};
            case SUNSET -> new Color[] {Colors.rgb(255, 212, 168), Colors.rgb(122, 72, 62)};
            case NIGHT -> new Color[] {Colors.rgb(78, 90, 136), Colors.rgb(10, 12, 26)};
        };
        return Backdrop.paint(width, height, g -> paint(g, width, height, tones[0], tones[1]));
    }

    private static void paint(Graphics2D g, int width, int height, Color bright, Color dark) {
        int margin = (int) Math.ceil(width * Camera.SKY_MARGIN);
        // wall darkening upwards, brightest where it bends into the floor, the floor darkening towards us
        g.setPaint(new LinearGradientPaint(0, 0, 0, height, new float[] {0f, (float) FLOOR_Y, 1f},
                new Color[] {Colors.mix(bright, dark, 0.55), bright, Colors.mix(bright, dark, 0.35)}));
        g.fillRect(-margin, 0, width + 2 * margin, height);
        float radius = (float) (Math.max(width, height) * 0.75);
        // a vignette stretched wide: the key light is a soft box, not a spot
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), 1f, new Point2D.Double(0, 0),
                new float[] {0f, 0.5f, 1f},
                new Color[] {Colors.alpha(bright, 0), Colors.alpha(dark, 0.25), Colors.alpha(dark, 0.85)},
                MultipleGradientPaint.CycleMethod.NO_CYCLE, MultipleGradientPaint.ColorSpaceType.SRGB,
                new AffineTransform(radius, 0, 0, radius * 0.75, width / 2.0, height * 0.5)));
        g.fillRect(-margin, 0, width + 2 * margin, height);
    }
}
