package io.reelforge.encoding;

/**
 * A target bitrate for encoders without a constant-quality mode (OpenH264). Anchored at 8 Mbit/s for
 * 1080p at 24 fps and scaled by pixel rate to the power 0.8: larger frames compress better per pixel,
 * which gives about 4 Mbit/s at 720p.
 */
final class BitrateGuide {

    private static final double ANCHOR_BITS = 8_000_000;
    private static final double ANCHOR_PIXEL_RATE = 1920.0 * 1080 * 24;
    private static final int FLOOR_BITS = 500_000;

    private BitrateGuide() {
    }

    static int bitsPerSecond(int width, int height, int fps) {
        double ratio = (double) width * height * fps / ANCHOR_PIXEL_RATE;
        return (int) Math.max(FLOOR_BITS, Math.round(ANCHOR_BITS * Math.pow(ratio, 0.8)));
    }
}
