package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One row of city buildings at one depth. Windows are split into groups that switch on and off at their
 * own slow rhythm, so lights flicker here and there rather than all at once; the tallest roofs carry a
 * blinking aircraft-warning light.
 */
final class Skyline implements Layer {

    private static final int GROUPS = 16;
    private static final Color CONCRETE = Colors.rgb(66, 72, 88);
    private static final Color WARNING = Colors.rgb(255, 40, 30);

    private final double depth;
    private final long seed;
    private final Path2D.Float buildings = new Path2D.Float();
    private final Path2D.Float[] windows = new Path2D.Float[GROUPS];
    private final double[] rate = new double[GROUPS];
    private final Color body;
    private final Color light;
    private final double lit;
    private final double[][] beacons;

    /**
     * @param baseY     where the buildings stand, pixels (may lie below the frame)
     * @param maxHeight the tallest building, pixels
     */
    Skyline(SplittableRandom random, Palette palette, int width, double depth, double baseY, double maxHeight, long seed) {
        this.depth = depth;
        this.seed = seed;
        this.body = palette.land(CONCRETE, depth);
        this.light = Colors.mix(palette.windowLight(), palette.haze(), 1 - Math.exp(-palette.hazeDensity() * depth));
        this.lit = palette.windowsLit();
        for (int i = 0; i < GROUPS; i++) {
            windows[i] = new Path2D.Float();
            rate[i] = 0.15 + 0.5 * random.nextDouble();
        }
        // the blocks behind the front row: no gap between buildings may show the sky below the horizon
        buildings.append(new Rectangle2D.Double(-width, baseY - maxHeight * 0.12, width * 3.0, maxHeight * 4), false);
        List<double[]> roofs = new ArrayList<>();
        double unit = width * 0.045 / Math.sqrt(depth);
        for (double x = -0.7 * width; x < 1.7 * width; ) {
            double w = unit * (0.6 + random.nextDouble());
            double h = maxHeight * (0.3 + 0.7 * Math.pow(random.nextDouble(), 1.4));
            addBuilding(random, x, baseY, w, h);
            if (x > 0 && x < width) {
                roofs.add(new double[] {x + w / 2, baseY - h});
            }
            x += w + unit * 0.08 * random.nextDouble();
        }
        roofs.sort(Comparator.comparingDouble(roof -> roof[1]));
        beacons = roofs.subList(0, Math.min(3, roofs.size())).toArray(double[][]::new);
    }

    private void addBuilding(SplittableRandom random, double x, double baseY, double w, double h) {
        buildings.append(new Rectangle2D.Double(x, baseY - h, w, h), false);
        if (random.nextDouble() < 0.3) {
            buildings.append(new Rectangle2D.Double(x + w * 0.25, baseY - h - w * 0.35, w * 0.5, w * 0.35), false);
        }
        double cell = Math.max(3, w / 7);
        for (double wy = baseY - h + cell; wy < baseY - cell; wy += cell * 1.6) {
            for (double wx = x + cell * 0.6; wx < x + w - cell; wx += cell * 1.5) {
                if (random.nextDouble() < 0.8) {
                    windows[random.nextInt(GROUPS)].append(new Rectangle2D.Double(wx, wy, cell * 0.8, cell), false);
                }
            }
        }
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        g.transform(moment.view().transform(depth));
        g.setColor(body);
        g.fill(buildings);
        g.setColor(light);
        for (int i = 0; i < GROUPS; i++) {
            // each group is on or off for a spell of a few seconds, decided by a hash of the spell's number
            long spell = (long) Math.floor(moment.seconds() * rate[i] + i * 0.37);
            if (Noise.unit(seed, i, spell) < lit) {
                g.fill(windows[i]);
            }
        }
        boolean blink = (moment.seconds() % 1.5) < 0.5;
        if (blink) {
            g.setColor(WARNING);
            for (double[] roof : beacons) {
                g.fillRect((int) roof[0] - 2, (int) roof[1] - 5, 4, 4);
            }
        }
    }
}
