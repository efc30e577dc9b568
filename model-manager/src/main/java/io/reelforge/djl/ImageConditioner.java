package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.reelforge.imaging.CoverFit;
import io.reelforge.models.NativeSize;
import java.awt.image.BufferedImage;

/**
 * Image-to-video conditioning through the package's {@code image_encoder}: the start image, covered to the
 * native size and scaled to [-1, 1], is frame 0 of a clip of zeros as long as the render's, which the encoder
 * turns into a per-frame condition [1, Cy, F, h, w] (Wan I2V: a first-frame mask and the VAE latent of that
 * clip) and image tokens [1, N, Di] (its CLIP embedding). The denoiser gets both after the text embeddings,
 * the same for the prompt and the negative prompt halves of the batch.
 */
final class ImageConditioner {

    private final TorchModule encoder;

    ImageConditioner(TorchModule encoder) {
        this.encoder = encoder;
    }

    /** The denoiser's extra inputs for a clip of {@code frames} at {@code size}, repeated to {@code batch}. */
    NDList encode(NDManager manager, BufferedImage start, NativeSize size, int frames, int batch) {
        NDList out = encoder.forward(new NDList(video(manager, start, size, frames)));
        if (out.size() != 2) {
            throw new IllegalStateException("image_encoder returned " + out.size()
                    + " outputs; a condition and image tokens were expected");
        }
        NDList extra = new NDList(2);
        for (NDArray a : out) {
            extra.add(batch == 1 ? a : NDArrays.concat(new NDList(a, a), 0));
        }
        return extra;
    }

    NDList forward(NDList inputs) {
        return encoder.forward(inputs);
    }

    /** [1, 3, frames, H, W]: the start image in [-1, 1], then zeros. */
    static NDArray video(NDManager manager, BufferedImage start, NativeSize size, int frames) {
        BufferedImage image = start.getWidth() == size.width() && start.getHeight() == size.height() ? start
                : CoverFit.cover(start, size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
        int w = size.width();
        int h = size.height();
        float[] chw = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int p = y * w + x;
                chw[p] = ((rgb >> 16) & 0xff) / 127.5f - 1f;
                chw[w * h + p] = ((rgb >> 8) & 0xff) / 127.5f - 1f;
                chw[2 * w * h + p] = (rgb & 0xff) / 127.5f - 1f;
            }
        }
        NDArray first = manager.create(chw, new Shape(1, 3, 1, h, w));
        return frames == 1 ? first : first.concat(manager.zeros(new Shape(1, 3, frames - 1L, h, w)), 2);
    }
}
