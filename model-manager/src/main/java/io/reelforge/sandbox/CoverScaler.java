package io.reelforge.sandbox;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales an image to cover a target size (aspect kept, the overflow cropped evenly), with good quality both
 * ways: large reductions go by halving steps (a single bilinear step would skip pixels and alias), the
 * last step is bicubic.
 */
final class CoverScaler {

    private CoverScaler() {
    }

    static BufferedImage cover(BufferedImage source, int width, int height) {
        double scale = Math.max(width / (double) source.getWidth(), height / (double) source.getHeight());
        BufferedImage current = source;
        while (scale < 0.5) {
            current = resize(current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2),
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            scale *= 2;
        }
        double cropW = width / scale;
        double cropH = height / scale;
        double sx = (current.getWidth() - cropW) / 2;
        double sy = (current.getHeight() - cropH) / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            g.translate(-sx, -sy);
            g.drawImage(current, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage resize(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
