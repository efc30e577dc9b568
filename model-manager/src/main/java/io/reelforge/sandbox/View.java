package io.reelforge.sandbox;

import java.awt.geom.AffineTransform;

/**
 * Where the camera is at one instant, and what that does to a layer at a given depth: near layers shift and
 * grow more than far ones (parallax). Depth is in arbitrary units, 1 being the nearest layer;
 * {@link #FAR} is the sky.
 *
 * @param lateral sideways travel, in frame widths at depth 1
 * @param forward travel towards the scene, in depth units (less than the nearest depth)
 * @param rise    upward travel, in frame heights at depth 1
 * @param pan     turn of the camera, in frame widths; moves every depth alike
 * @param zoom    focal length factor; scales every depth alike
 * @param pivot   the depth an orbit turns around (stays put), or 0 for a straight move
 */
record View(double lateral, double forward, double rise, double pan, double zoom, double pivot,
            double anchorX, double anchorY, int width, int height) {

    static final double FAR = Double.POSITIVE_INFINITY;

    static View still(int width, int height, double anchorY) {
        return new View(0, 0, 0, 0, 1, 0, width / 2.0, anchorY, width, height);
    }

    double shiftX(double depth) {
        double orbitCompensation = pivot > 0 ? 1 / pivot : 0;
        return -lateral * width * (1 / depth - orbitCompensation) - pan * width;
    }

    double shiftY(double depth) {
        return rise * height / depth;
    }

    double scale(double depth) {
        return Double.isInfinite(depth) ? zoom : zoom * depth / (depth - forward);
    }

    /** Maps layer coordinates (as laid out for a still camera) to frame pixels. */
    AffineTransform transform(double depth) {
        double s = scale(depth);
        AffineTransform t = AffineTransform.getTranslateInstance(anchorX + shiftX(depth), anchorY + shiftY(depth));
        t.scale(s, s);
        t.translate(-anchorX, -anchorY);
        return t;
    }

    /** Where a point of a layer at {@code depth} lands, x; for sprites drawn without scaling. */
    double x(double depth, double x) {
        return anchorX + shiftX(depth) + (x - anchorX) * scale(depth);
    }

    /** Where a point of a layer at {@code depth} lands, y. */
    double y(double depth, double y) {
        return anchorY + shiftY(depth) + (y - anchorY) * scale(depth);
    }
}
