package io.reelforge.sandbox;

import java.awt.image.BufferedImage;

import io.reelforge.imaging.CoverFit;

/** Start images covering the frame (aspect kept, overflow cropped), in the type the sandbox paints with. */
final class CoverScaler {

    private CoverScaler() {
    }

    static BufferedImage cover(BufferedImage source, int width, int height) {
        return CoverFit.cover(source, width, height, BufferedImage.TYPE_INT_RGB);
    }
}
