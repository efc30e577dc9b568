package io.reelforge.sandbox;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Measurements on BGR frames for the tests: digests, region averages, differences. */
final class FrameStats {

    private FrameStats() {
    }

    static byte[] bytes(BufferedImage frame) {
        return ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
    }

    static String sha256(BufferedImage frame) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(frame)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage copy(BufferedImage frame) {
        BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        System.arraycopy(bytes(frame), 0, bytes(copy), 0, bytes(frame).length);
        return copy;
    }

    /** Mean absolute difference per channel byte, 0..255, over rows {@code fromRow} (inclusive) to {@code toRow}. */
    static double meanDifference(BufferedImage a, BufferedImage b, int fromRow, int toRow) {
        byte[] x = bytes(a);
        byte[] y = bytes(b);
        int stride = a.getWidth() * 3;
        long sum = 0;
        for (int i = fromRow * stride; i < toRow * stride; i++) {
            sum += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
        }
        return sum / (double) ((toRow - fromRow) * stride);
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        return meanDifference(a, b, 0, a.getHeight());
    }

    /** Mean red, green, blue over a rectangle. */
    static double[] meanRgb(BufferedImage frame, int x0, int y0, int x1, int y1) {
        byte[] data = bytes(frame);
        int stride = frame.getWidth() * 3;
        double[] rgb = new double[3];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int i = y * stride + x * 3;
                rgb[0] += data[i + 2] & 0xFF;
                rgb[1] += data[i + 1] & 0xFF;
                rgb[2] += data[i] & 0xFF;
            }
        }
        int n = (x1 - x0) * (y1 - y0);
        return new double[] {rgb[0] / n, rgb[1] / n, rgb[2] / n};
    }
}
