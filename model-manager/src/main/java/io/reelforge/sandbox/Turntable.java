package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A lit prism turning on a turntable, seen slightly from above. Faces are shaded by how squarely they meet
 * the key light; marks on the disc rim show the turn. An orbiting camera adds to the turn.
 */
final class Turntable implements Layer {

    private static final double DEPTH = 3;
    /** Radians per second: a slow, steady product turn. */
    private static final double SPIN = 0.45;
    /** Light from the front left: (sideways, towards the camera), normalised. */
    private static final double LIGHT_X = -0.6;
    private static final double LIGHT_Z = 0.8;
    private static final List<Color> FINISHES = List.of(Colors.rgb(196, 40, 48), Colors.rgb(28, 132, 140),
            Colors.rgb(214, 168, 64), Colors.rgb(232, 232, 236), Colors.rgb(44, 48, 60), Colors.rgb(90, 70, 160));

    private final double cx;
    private final double cy;
    private final double discRx;
    private final double discRy;
    private final double radius;
    private final double tall;
    private final int sides;
    private final Color finish;
    private final double start;

    Turntable(SplittableRandom random, int width, int height) {
        double unit = Math.min(width, height);
        this.cx = width / 2.0;
        this.cy = height * (Studio.FLOOR_Y + 0.12);
        this.discRx = unit * 0.42;
        this.discRy = discRx * 0.2;
        this.radius = unit * (0.12 + 0.04 * random.nextDouble());
        this.tall = unit * (0.34 + 0.12 * random.nextDouble());
        this.sides = List.of(4, 5, 6, 8).get(random.nextInt(4));
        this.finish = FINISHES.get(random.nextInt(FINISHES.size()));
        this.start = random.nextDouble() * Math.PI * 2;
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        View view = moment.view();
        g.transform(view.transform(DEPTH));
        double turn = start + moment.seconds() * SPIN + view.lateral() * 6;
        paintDisc(g, turn);
        paintShadow(g);
        paintPrism(g, turn);
    }

    private void paintDisc(Graphics2D g, double turn) {
        double thickness = discRy * 0.45;
        g.setPaint(new GradientPaint(0, (float) cy, Colors.rgb(40, 42, 48), 0, (float) (cy + discRy + thickness), Colors.rgb(14, 15, 18)));
        g.fill(new Ellipse2D.Double(cx - discRx, cy - discRy + thickness, 2 * discRx, 2 * discRy));
        g.fillRect((int) (cx - discRx), (int) cy, (int) (2 * discRx), (int) thickness);
        g.setPaint(new GradientPaint(0, (float) (cy - discRy), Colors.rgb(92, 94, 102), 0, (float) (cy + discRy), Colors.rgb(52, 54, 60)));
        g.fill(new Ellipse2D.Double(cx - discRx, cy - discRy, 2 * discRx, 2 * discRy));
        g.setColor(Colors.rgb(128, 130, 140));
        double mark = discRy * 0.06;
        for (int k = 0; k < 24; k++) {
            double a = turn + k * Math.PI / 12;
            double mx = cx + Math.sin(a) * discRx * 0.9;
            double my = cy + Math.cos(a) * discRy * 0.9;
            g.fill(new Ellipse2D.Double(mx - mark * 2, my - mark, mark * 4, mark * 2));
        }
    }

    private void paintShadow(Graphics2D g) {
        double rx = radius * 1.6;
        double ry = rx * 0.22;
        g.setPaint(new RadialGradientPaint(new Point2D.Double(0, 0), 1f, new Point2D.Double(0, 0), new float[] {0f, 1f},
                new Color[] {new Color(0, 0, 0, 130), new Color(0, 0, 0, 0)}, MultipleGradientPaint.CycleMethod.NO_CYCLE,
                MultipleGradientPaint.ColorSpaceType.SRGB, new AffineTransform(rx, 0, 0, ry, cx + radius * 0.3, cy)));
        g.fill(new Ellipse2D.Double(cx + radius * 0.3 - rx, cy - ry, 2 * rx, 2 * ry));
    }

    private void paintPrism(Graphics2D g, double turn) {
        double tilt = discRy / discRx;
        Path2D.Double cap = new Path2D.Double();
        for (int k = 0; k < sides; k++) {
            double a0 = turn + 2 * Math.PI * k / sides;
            double a1 = turn + 2 * Math.PI * (k + 1) / sides;
            double mid = (a0 + a1) / 2;
            double x0 = cx + radius * Math.sin(a0);
            double x1 = cx + radius * Math.sin(a1);
            double y0 = cy + radius * Math.cos(a0) * tilt;
            double y1 = cy + radius * Math.cos(a1) * tilt;
            if (k == 0) {
                cap.moveTo(x0, y0 - tall);
            } else {
                cap.lineTo(x0, y0 - tall);
            }
            if (Math.cos(mid) <= 0) {
                continue; // faces away from the camera
            }
            double diffuse = Math.max(0, Math.sin(mid) * LIGHT_X + Math.cos(mid) * LIGHT_Z);
            Color face = Colors.scale(finish, 0.35 + 0.85 * diffuse);
            Path2D.Double quad = new Path2D.Double();
            quad.moveTo(x0, y0);
            quad.lineTo(x1, y1);
            quad.lineTo(x1, y1 - tall);
            quad.lineTo(x0, y0 - tall);
            quad.closePath();
            // a vertical sheen: the top of each face catches more of the overhead light
            g.setPaint(new GradientPaint(0, (float) (cy - tall), Colors.scale(face, 1.2), 0, (float) cy, Colors.scale(face, 0.8)));
            g.fill(quad);
        }
        cap.closePath();
        g.setColor(Colors.scale(finish, 1.35));
        g.fill(cap);
    }
}
