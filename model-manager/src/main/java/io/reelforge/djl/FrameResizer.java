package io.reelforge.djl;

import java.awt.image.BufferedImage;

import io.reelforge.imaging.CoverFit;

/** Covers the output size with each native frame (see {@link CoverFit}), into one reused output image. */
final class FrameResizer {

    private final BufferedImage target;

    FrameResizer(int width, int height) {
        this.target = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** The frame at the output size; the same image is reused for every call. */
    BufferedImage cover(BufferedImage source) {
        CoverFit.coverInto(source, target);
        return target;
    }
}
