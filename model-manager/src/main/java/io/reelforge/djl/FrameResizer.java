package io.reelforge.djl;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Scales a native frame to cover the output size exactly: aspect kept, the overflow cropped evenly, so a
 * 832x480 frame becomes 1280x720 without stretching. Upscales are one bicubic step; downscales by more than
 * half go by halving steps first, as a single bicubic step would skip pixels and alias.
 */
final class FrameResizer {

    private final BufferedImage target;

    FrameResizer(int width, int height) {
        this.target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** The frame at the output size; the same image is reused for every call. */
    BufferedImage cover(BufferedImage source) {
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
        return target;
    }

    private static BufferedImage halve(BufferedImage source) {
        BufferedImage out = new BufferedImage(Math.max(1, source.getWidth() / 2), Math.max(1, source.getHeight() / 2),
                BufferedImage.TYPE_3BYTE_BGR);
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
