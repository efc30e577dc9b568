package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.SplittableRandom;

/**
 * The broken path of light the sun (or moon) lays on water: short dashes under it that flicker, the column
 * widening towards the viewer. It follows the sun, which sits at infinity.
 */
final class Glitter implements Layer {

    /** Flicker changes about this many times a second, whatever the frame rate. */
    private static final double FLICKER_HZ = 10;

    private final Color color;
    private final long seed;
    private final double sunX;
    private final float[] dx;
    private final float[] y;
    private final float[] length;
    private final float[] strength;

    Glitter(SplittableRandom random, Palette palette, int width, int height, double horizonY, long seed) {
        this.color = palette.glint();
        this.seed = seed;
        this.sunX = palette.sunX() * width;
        int count = 220;
        dx = new float[count];
        y = new float[count];
        length = new float[count];
        strength = new float[count];
        double low = palette.sunAltitude() < 0.3 ? 1.0 : 0.55;
        for (int i = 0; i < count; i++) {
            double u = Math.pow(random.nextDouble(), 1.6);
            y[i] = (float) (horizonY + (height - horizonY) * u);
            dx[i] = (float) (gaussian(random) * width * (0.01 + 0.07 * u) * (2 - low));
            length[i] = (float) (width * (0.002 + 0.01 * u) * (0.5 + random.nextDouble()));
            strength[i] = (float) (low * (0.35 + 0.6 * random.nextDouble()) * (1 - u * 0.5));
        }
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        double column = moment.view().x(View.FAR, sunX);
        long tick = (long) Math.floor(moment.seconds() * FLICKER_HZ);
        for (int i = 0; i < y.length; i++) {
            double on = Noise.unit(seed, i, tick);
            if (on < 0.45) {
                continue;
            }
            g.setColor(Colors.alpha(color, strength[i] * on));
            g.fillRect((int) Math.round(column + dx[i] - length[i] / 2), (int) y[i], Math.max(1, Math.round(length[i])),
                    1 + (int) (length[i] / 12));
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
