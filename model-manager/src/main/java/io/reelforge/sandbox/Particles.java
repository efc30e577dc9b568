package io.reelforge.sandbox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.SplittableRandom;

/**
 * Things carried through the air, in front of everything: rain streaks, snowflakes, blown sand. Each one's
 * place is its start plus velocity times time, wrapped into the frame, so nothing accumulates between frames.
 */
final class Particles implements Layer {

    /**
     * Sizes and fall speeds are fractions of the frame height (speeds per second), from the farthest
     * particle to the nearest; wind is a fraction of the width per second.
     */
    enum Kind {
        RAIN(4500, 0.02, 0.06, 1.3, 2.3, 0.03),
        SNOW(4000, 0.0015, 0.0045, 0.05, 0.15, 0.03),
        SAND(9000, 0.0008, 0.002, 0.005, 0.005, 0.12);

        /** Frame area (square pixels) per particle. */
        final int areaEach;
        final double minSize;
        final double maxSize;
        final double minFall;
        final double maxFall;
        final double wind;

        Kind(int areaEach, double minSize, double maxSize, double minFall, double maxFall, double wind) {
            this.areaEach = areaEach;
            this.minSize = minSize;
            this.maxSize = maxSize;
            this.minFall = minFall;
            this.maxFall = maxFall;
            this.wind = wind;
        }
    }

    private final Kind kind;
    private final Color color;
    private final double depth;
    private final int width;
    private final double top;
    private final double span;
    private final float[] x;
    private final float[] y;
    private final float[] vx;
    private final float[] vy;
    private final float[] size;
    private final float[] phase;

    /** Particles fill the band from {@code top} to {@code bottom} (pixels); count scales with the frame area. */
    Particles(Kind kind, SplittableRandom random, Palette palette, int width, int height, double top, double bottom) {
        this.kind = kind;
        this.width = width;
        this.top = top;
        this.span = bottom - top;
        this.depth = 1.5;
        this.color = switch (kind) {
            case RAIN -> Colors.mix(Colors.rgb(200, 212, 230), palette.light(), 0.3);
            case SNOW -> Colors.lit(Colors.rgb(250, 252, 255), Colors.mix(palette.light(), Colors.rgb(255, 255, 255), 0.5));
            case SAND -> Colors.lit(Colors.rgb(240, 210, 160), palette.light());
        };
        int count = (int) (width * span / kind.areaEach);
        double wind = (random.nextBoolean() ? 1 : -1) * kind.wind;
        x = new float[count];
        y = new float[count];
        vx = new float[count];
        vy = new float[count];
        size = new float[count];
        phase = new float[count];
        for (int i = 0; i < count; i++) {
            double near = random.nextDouble();
            x[i] = (float) (random.nextDouble() * width);
            y[i] = (float) (random.nextDouble() * span);
            size[i] = (float) ((kind.minSize + (kind.maxSize - kind.minSize) * near) * height);
            vy[i] = (float) ((kind.minFall + (kind.maxFall - kind.minFall) * near) * height);
            // rain falls slanted into the wind; snow and sand just drift with it
            vx[i] = (float) (wind * width * (0.5 + near) + (kind == Kind.RAIN ? vy[i] * 0.12 * Math.signum(wind) : 0));
            phase[i] = (float) (random.nextDouble() * Math.PI * 2);
        }
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        double s = moment.seconds();
        double shift = moment.view().shiftX(depth);
        if (kind == Kind.RAIN) {
            g.setStroke(new BasicStroke(Math.max(1f, width / 1400f)));
        }
        for (int i = 0; i < x.length; i++) {
            double sway = kind == Kind.RAIN ? 0 : Math.sin(s * 1.5 + phase[i]) * size[i] * 3;
            double px = wrap(x[i] + vx[i] * s + sway + shift, width);
            double py = top + wrap(y[i] + vy[i] * s, span);
            paintOne(g, i, px, py);
        }
    }

    private void paintOne(Graphics2D g, int i, double px, double py) {
        double strength = 0.35 + 0.4 * (i % 7) / 6.0;
        g.setColor(Colors.alpha(color, kind == Kind.SNOW ? 0.9 : strength));
        switch (kind) {
            case RAIN -> {
                double len = size[i];
                g.draw(new Line2D.Double(px, py, px + vx[i] / vy[i] * len, py + len));
            }
            case SNOW -> g.fill(new Ellipse2D.Double(px, py, size[i], size[i]));
            case SAND -> g.fill(new Ellipse2D.Double(px, py, size[i] * 2, size[i]));
        }
    }

    private static double wrap(double v, double range) {
        return ((v % range) + range) % range;
    }
}
