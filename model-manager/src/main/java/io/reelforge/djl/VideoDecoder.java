package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Latents to pixels: the VAE decoder turns [1, C, F, h, w] into RGB video [1, 3, N, H, W] in [-1, 1], and
 * each frame is then copied out on its own, so only one frame at a time crosses from the device.
 */
final class VideoDecoder {

    private final TorchModule vae;
    private final double scale;

    VideoDecoder(TorchModule vae, double scale) {
        this.vae = vae;
        this.scale = scale;
    }

    NDArray decode(NDArray latents) {
        NDArray scaled = scale == 1.0 ? latents : latents.div((float) scale);
        return vae.forward(new NDList(scaled)).singletonOrThrow();
    }

    /** Frame {@code index} of a decoded video as a BGR image. */
    static BufferedImage frame(NDArray video, int index) {
        int height = (int) video.getShape().get(3);
        int width = (int) video.getShape().get(4);
        float[] rgb;
        try (NDArray slice = video.get(new NDIndex("0, :, {}", index))) {
            rgb = slice.toFloatArray();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int plane = width * height;
        for (int p = 0; p < plane; p++) {
            bgr[3 * p] = toByte(rgb[2 * plane + p]);
            bgr[3 * p + 1] = toByte(rgb[plane + p]);
            bgr[3 * p + 2] = toByte(rgb[p]);
        }
        return image;
    }

    private static byte toByte(float v) {
        float scaled = (v + 1f) * 127.5f;
        return (byte) Math.round(Math.max(0f, Math.min(255f, scaled)));
    }
}
