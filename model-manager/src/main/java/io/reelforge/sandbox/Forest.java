package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/**
 * A row of conifers on its strip of ground at one depth. The whole row sways a little in the wind (a shear
 * about its base), nearer rows more than farther ones.
 */
final class Forest implements Layer {

    private static final Color NEEDLES = Colors.rgb(34, 76, 46);
    private static final Color GROUND = Colors.rgb(52, 78, 44);

    private final double depth;
    private final double baseY;
    private final Path2D.Float trees = new Path2D.Float();
    private final Rectangle2D ground;
    private final VerticalGradient treePaint;
    private final Color groundColor;
    private final double sway;
    private final double phase;

    /** @param baseY where the trunks stand, pixels; {@code treeHeight} the tallest tree, pixels */
    Forest(SplittableRandom random, Palette palette, int width, int height, double depth, double baseY, double treeHeight) {
        this.depth = depth;
        this.baseY = baseY;
        this.ground = new Rectangle2D.Double(-width, baseY - treeHeight * 0.04, width * 3.0, height * 2.0);
        this.groundColor = palette.ground(GROUND, depth * 0.7);
        this.treePaint = new VerticalGradient(baseY - treeHeight, palette.land(Colors.scale(NEEDLES, 1.25), depth),
                baseY, palette.land(Colors.scale(NEEDLES, 0.7), depth));
        this.sway = 0.02 / depth;
        this.phase = random.nextDouble() * Math.PI * 2;
        for (double x = -0.7 * width; x < 1.7 * width; ) {
            double h = treeHeight * (0.55 + 0.45 * random.nextDouble());
            double y = baseY + (random.nextDouble() - 0.3) * treeHeight * 0.08;
            addConifer(x, y, h);
            x += h * (0.12 + 0.14 * random.nextDouble());
        }
    }

    /** Three stacked triangles, the lowest the widest. */
    private void addConifer(double x, double baseY, double h) {
        double halfWidth = h * 0.2;
        for (int tier = 0; tier < 3; tier++) {
            double bottom = baseY - h * (0.08 + tier * 0.26);
            double top = bottom - h * (0.46 - tier * 0.04);
            double hw = halfWidth * (1 - tier * 0.25);
            trees.moveTo(x - hw, bottom);
            trees.lineTo(x, top);
            trees.lineTo(x + hw, bottom);
            trees.closePath();
        }
        trees.append(new Rectangle2D.Double(x - h * 0.02, baseY - h * 0.1, h * 0.04, h * 0.1), false);
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        g.transform(moment.view().transform(depth));
        g.setColor(groundColor);
        g.fill(ground);
        double s = moment.seconds();
        double shear = sway * (Math.sin(s * 1.3 + phase) + 0.4 * Math.sin(s * 3.1 + phase * 2));
        g.translate(0, baseY);
        g.shear(shear, 0);
        g.translate(0, -baseY);
        g.setPaint(treePaint);
        g.fill(trees);
    }
}
