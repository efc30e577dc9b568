package io.reelforge.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales an image to cover a target size: aspect kept, the overflow cropped evenly, so 832x480 becomes
 * 1280x720 without stretching. Large reductions go by halving steps first (a single step would skip pixels
 * and alias); the last step is bicubic. Shared by the start images of image-to-video and the DJL engine's
 * native frames.
 */
public final class CoverFit {

    private CoverFit() {
    }

    /** A new image of the given size and type covered by {@code source}. */
    public static BufferedImage cover(BufferedImage source, int width, int height, int imageType) {
        BufferedImage out = new BufferedImage(width, height, imageType);
        coverInto(source, out);
        return out;
    }

    /** Paints {@code source} over all of {@code target}, which callers may reuse from frame to frame. */
    public static void coverInto(BufferedImage source, BufferedImage target) {
        double scale = Math.max(target.getWidth() / (double) source.getWidth(),
                target.getHeight() / (double) source.getHeight());
        BufferedImage current = source;
        while (scale < 0.5) {
            current = halve(current);
            scale *= 2;
        }
        double sx = (current.getWidth() - target.getWidth() / scale) / 2;
        double sy = (current.getHeight() - target.getHeight() / scale) / 2;
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            g.translate(-sx, -sy);
            g.drawImage(current, 0, 0, null);
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage halve(BufferedImage source) {
        BufferedImage out = new BufferedImage(Math.max(1, source.getWidth() / 2), Math.max(1, source.getHeight() / 2),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
