package io.reelforge.sandbox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * Open water from the horizon to the camera: a gradient body, rows of wave crests that roll towards the
 * viewer (spaced in perspective), and the sun's or moon's glitter path.
 */
final class Sea implements Layer {

    private static final double DEPTH = 2.5;
    private static final int ROWS = 40;
    private static final Color WATER = Colors.rgb(22, 72, 112);

    private final int width;
    private final double horizonY;
    private final double nearY;
    private final Rectangle2D body;
    private final VerticalGradient bodyPaint;
    private final Color foam;
    private final Glitter glitter;

    Sea(SplittableRandom random, Palette palette, int width, int height, double horizonY, long seed) {
        this.width = width;
        this.horizonY = horizonY;
        this.nearY = height * 1.15;
        this.body = new Rectangle2D.Double(-width, horizonY, width * 3.0, height * 2.0);
        Color far = Colors.mix(palette.land(WATER, 6), palette.horizon(), 0.45);
        this.bodyPaint = new VerticalGradient(horizonY, far, height, palette.land(WATER, 0.8));
        this.foam = Colors.mix(Colors.mix(palette.horizon(), Colors.rgb(255, 255, 255), 0.35), palette.light(), 0.3);
        this.glitter = palette.sunShows() ? new Glitter(random, palette, width, height, horizonY, seed) : null;
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        AffineTransform base = g.getTransform();
        g.transform(moment.view().transform(DEPTH));
        g.setPaint(bodyPaint);
        g.fill(body);
        paintCrests(g, moment.seconds());
        g.setTransform(base);
        if (glitter != null) {
            glitter.paint(g, moment);
        }
    }

    private void paintCrests(Graphics2D g, double seconds) {
        // rows creep towards the viewer; every quantity below depends on the row's position u, never on
        // its index, so a row leaving at the bottom and one entering at the horizon do not pop
        double creep = (seconds * 0.05) % 1.0;
        double step = Math.max(4, width / 240.0);
        for (int k = 0; k < ROWS; k++) {
            double u = (k + creep) / ROWS;
            double y0 = horizonY + (nearY - horizonY) * u * u;
            double amplitude = 0.4 + 0.006 * (nearY - horizonY) * u;
            double wavelength = width * (0.02 + 0.14 * u);
            double phase = seconds * 1.7 - u * 40;
            Path2D.Float crests = new Path2D.Float();
            boolean drawing = false;
            for (double x = -0.4 * width; x <= 1.4 * width; x += step) {
                double a = 2 * Math.PI * x / wavelength + phase;
                // a slow swell along the row breaks the crests into groups instead of a regular grid
                double swell = Math.sin(x / (width * 0.11) + u * 17 + seconds * 0.4) + Math.sin(x / (width * 0.047) - u * 9);
                double crest = Math.sin(a) + 0.4 * Math.sin(2.3 * a - seconds * 0.9) + 0.35 * swell;
                double y = y0 - amplitude * crest;
                if (crest > 0.45) {
                    if (drawing) {
                        crests.lineTo(x, y);
                    } else {
                        crests.moveTo(x, y);
                    }
                }
                drawing = crest > 0.45;
            }
            double fadeIn = Math.min(1, u * 12);
            g.setColor(Colors.alpha(foam, (0.18 + 0.3 * u) * fadeIn));
            g.setStroke(new BasicStroke((float) (0.6 + 2.6 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(crests);
        }
    }
}
