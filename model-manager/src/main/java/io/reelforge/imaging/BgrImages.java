package io.reelforge.imaging;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Conversions to {@link BufferedImage#TYPE_3BYTE_BGR}, the layout engines and the encoder work in. */
public final class BgrImages {

    private BgrImages() {
    }

    /** {@code image} itself if it is already BGR, else a BGR copy; transparent parts become black. */
    public static BufferedImage toBgr(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copyInto(image, bgr);
        return bgr;
    }

    /** Draws {@code source} over {@code target} from the top left corner, converting as needed. */
    public static void copyInto(BufferedImage source, BufferedImage target) {
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
    }
}
