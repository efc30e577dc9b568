package io.reelforge.sandbox;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * The start image of an image-to-video render, scaled once to cover the frame plus a margin, then moved
 * as the prompt's camera asks: a slow push-in by default, a sideways pan, a slight orbiting turn, or
 * nothing when the camera is fixed. Scale and margin are chosen so no move ever shows an edge.
 */
final class ImagePlate implements Layer {

    /** Extra image on each side, as a fraction of the frame: room for pans and the orbit's turn. */
    private static final double MARGIN = 0.06;

    private final BufferedImage plate;
    private final CameraMove move;
    private final boolean fixed;
    private final double direction;
    private final int width;
    private final int height;

    ImagePlate(BufferedImage image, CameraMove move, boolean fixed, double direction, int width, int height) {
        this.plate = CoverScaler.cover(image, (int) Math.round(width * (1 + 2 * MARGIN)),
                (int) Math.round(height * (1 + 2 * MARGIN)));
        this.move = move;
        this.fixed = fixed;
        this.direction = direction;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        int left = -(int) Math.round(width * MARGIN);
        int top = -(int) Math.round(height * MARGIN);
        if (fixed) {
            g.drawImage(plate, left, top, null); // whole pixels: a straight copy, no resampling
            return;
        }
        double t = moment.t();
        double e = t * t * (3 - 2 * t);
        double d = direction;
        AffineTransform camera = switch (move) {
            case PAN -> about(0, d * width * MARGIN * 0.9 * (1 - 2 * e), 0, 1);
            case ORBIT -> about(d * Math.toRadians(1.6) * (2 * e - 1), d * width * MARGIN * 0.4 * (2 * e - 1), 0, 1.03);
            case GLIDE -> about(0, 0, -height * MARGIN * 0.6 * e, 1 + 0.16 * e);
            case ZOOM, GENTLE -> about(0, 0, 0, 1 + 0.12 * e);
        };
        g.transform(camera);
        g.drawImage(plate, left, top, null);
    }

    /** Turn, shift and scale about the frame centre. */
    private AffineTransform about(double angle, double dx, double dy, double scale) {
        AffineTransform t = AffineTransform.getTranslateInstance(width / 2.0 + dx, height / 2.0 + dy);
        t.rotate(angle);
        t.scale(scale, scale);
        t.translate(-width / 2.0, -height / 2.0);
        return t;
    }
}
