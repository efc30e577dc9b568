package io.reelforge.sandbox;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * An opaque, infinitely far layer (a sky, a studio wall) painted once, wider than the frame, and copied in
 * at the camera's offset each frame: a plain blit costs a fraction of a millisecond even at 1080p.
 */
final class Backdrop implements Layer {

    private final BufferedImage image;
    private final int margin;

    private Backdrop(BufferedImage image, int margin) {
        this.image = image;
        this.margin = margin;
    }

    /** {@code painter} draws in frame coordinates; x runs from -margin to width + margin. */
    static Backdrop paint(int width, int height, Consumer<Graphics2D> painter) {
        int margin = (int) Math.ceil(width * Camera.SKY_MARGIN);
        BufferedImage image = new BufferedImage(width + 2 * margin, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.translate(margin, 0);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return new Backdrop(image, margin);
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        // whole pixels keep this a straight copy instead of a resampling
        long shift = Math.round(moment.view().shiftX(View.FAR));
        int x = (int) Math.max(-margin, Math.min(margin, shift)) - margin;
        g.drawImage(image, x, 0, null);
    }
}
