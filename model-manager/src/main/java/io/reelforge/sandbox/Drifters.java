package io.reelforge.sandbox;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * Sprites that drift sideways with the wind across a span wider than the frame and wrap around: clouds
 * at sky depth, mist banks nearer. Positions are a function of time, never accumulated frame to frame.
 */
final class Drifters implements Layer {

    private final BufferedImage[] sprites;
    private final double[] x;
    private final double[] y;
    private final double[] speed;
    private final double depth;
    private final double spanStart;
    private final double spanWidth;

    /**
     * @param x     starting left edges, in frame pixels
     * @param speed pixels per second; negative drifts left
     */
    Drifters(BufferedImage[] sprites, double[] x, double[] y, double[] speed, double depth, int width) {
        this.sprites = sprites.clone();
        this.x = x.clone();
        this.y = y.clone();
        this.speed = speed.clone();
        this.depth = depth;
        double widest = 0;
        for (BufferedImage s : sprites) {
            widest = Math.max(widest, s.getWidth());
        }
        this.spanStart = -widest - width * Camera.SKY_MARGIN * 2;
        this.spanWidth = width * (1 + Camera.SKY_MARGIN * 4) + 2 * widest;
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        View view = moment.view();
        for (int i = 0; i < sprites.length; i++) {
            double travelled = x[i] + speed[i] * moment.seconds() - spanStart;
            double left = spanStart + ((travelled % spanWidth) + spanWidth) % spanWidth;
            int px = (int) Math.round(view.x(depth, left));
            int py = (int) Math.round(view.y(depth, y[i]));
            g.drawImage(sprites[i], px, py, null);
        }
    }
}
