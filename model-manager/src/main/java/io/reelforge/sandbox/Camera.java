package io.reelforge.sandbox;

/**
 * The camera's path over a clip. Every move starts from the composed view, so a clip's first frame is the
 * same whatever the move, and eases in and out (smoothstep) like a real rig. Amplitudes are small
 * enough that no layer ever shows its edge (the sky is laid out {@link #SKY_MARGIN} wider on each side).
 */
final class Camera {

    /** The largest sideways shift of the sky, as a fraction of the width; see {@link View#shiftX}. */
    static final double SKY_MARGIN = 0.1;

    private final CameraMove move;
    private final boolean fixed;
    private final double direction;
    private final View still;

    /**
     * @param direction +1 or -1: which way the camera travels, drawn from the seed
     * @param anchorY   the height the camera looks at (the horizon); scaling is centred there
     */
    Camera(CameraMove move, boolean fixed, double direction, int width, int height, double anchorY) {
        this.move = move;
        this.fixed = fixed;
        this.direction = direction;
        this.still = View.still(width, height, anchorY);
    }

    /** The view at {@code t}, 0 at the first frame and 1 at the last. */
    View at(double t) {
        if (fixed) {
            return still;
        }
        double e = t * t * (3 - 2 * t);
        double d = direction;
        return switch (move) {
            case GENTLE -> view(0.03 * d * e, 0.05 * e, 0, 0, 1, 0);
            case GLIDE -> view(0.04 * d * e, 0.38 * e, 0.03 * e, 0, 1, 0);
            case PAN -> view(0.015 * d * e, 0, 0, 0.08 * d * e, 1, 0);
            case ZOOM -> view(0, 0.06 * e, 0, 0, 1 + 0.22 * e, 0);
            case ORBIT -> view(0.16 * d * e, 0, 0, 0, 1, 3);
        };
    }

    private View view(double lateral, double forward, double rise, double pan, double zoom, double pivot) {
        return new View(lateral, forward, rise, pan, zoom, pivot, still.anchorX(), still.anchorY(),
                still.width(), still.height());
    }
}
