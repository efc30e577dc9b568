package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Builds the drifting sprite layers: clouds in the sky and banks of mist along the ground. */
final class Atmosphere {

    /** Clouds are far, but not as far as the sky: a little parallax against it. */
    private static final double CLOUD_DEPTH = 40;

    private Atmosphere() {
    }

    static Drifters clouds(SplittableRandom random, ScenePlan plan, Palette palette, int width, int height, double horizonY) {
        boolean heavy = plan.has(Weather.RAIN) || plan.has(Weather.SNOW);
        int count = heavy ? 12 : plan.has(Weather.CLOUDS) ? 9 : 3;
        double wind = (random.nextBoolean() ? 1 : -1) * width * (0.012 + 0.018 * random.nextDouble());
        BufferedImage[] sprites = new BufferedImage[count];
        double[] x = new double[count];
        double[] y = new double[count];
        double[] speed = new double[count];
        for (int i = 0; i < count; i++) {
            double scale = heavy ? 0.32 + 0.26 * random.nextDouble() : 0.18 + 0.24 * random.nextDouble();
            int w = (int) (width * scale);
            int h = (int) (w * (0.26 + 0.14 * random.nextDouble()));
            sprites[i] = Puffs.sprite(random, w, h, 12 + random.nextInt(8), palette.cloudLit(), palette.cloudShade(),
                    heavy ? 0.95 : 0.85);
            x[i] = (random.nextDouble() * 1.4 - 0.4) * width;
            y[i] = Math.max(-h * 0.3, random.nextDouble() * (horizonY * 0.8 - h * 0.6));
            speed[i] = wind * (0.7 + 0.6 * random.nextDouble());
        }
        return new Drifters(sprites, x, y, speed, CLOUD_DEPTH, width);
    }

    /**
     * Banks of mist lying at {@code y} (pixels, the bank's middle) at {@code depth}; {@code opacity} 0..1.
     */
    static Drifters mist(SplittableRandom random, Palette palette, int width, int height, double y, double depth,
                         int banks, double opacity) {
        BufferedImage[] sprites = new BufferedImage[banks];
        double[] x = new double[banks];
        double[] top = new double[banks];
        double[] speed = new double[banks];
        Color lit = Colors.mix(palette.haze(), Colors.rgb(255, 255, 255), 0.25);
        double wind = (random.nextBoolean() ? 1 : -1) * width * 0.008;
        for (int i = 0; i < banks; i++) {
            int w = (int) (width * (1.1 + 0.5 * random.nextDouble()));
            int h = (int) (height * (0.14 + 0.08 * random.nextDouble()));
            sprites[i] = Puffs.sprite(random, w, h, 9, lit, palette.haze(), opacity);
            x[i] = -width * 0.3 + (i - banks / 2.0) * width * 0.6 + random.nextDouble() * width * 0.2;
            top[i] = y - h * 0.6 + (random.nextDouble() - 0.5) * height * 0.06;
            speed[i] = wind * (0.6 + 0.8 * random.nextDouble());
        }
        return new Drifters(sprites, x, top, speed, depth, width);
    }
}
