package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.reelforge.imaging.CoverFit;
import io.reelforge.models.LatentSpec;
import io.reelforge.models.NativeSize;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * Image-to-video conditioning through the package's image encoder: the start image, covered to the native size
 * and scaled to [-1, 1], is frame 0 of a clip of zeros as long as the render's, which becomes a per-frame
 * condition [1, Cy, F, h, w] (Wan I2V: a first-frame mask and the VAE latent of that clip) and image tokens
 * [1, N, Di] (its CLIP embedding; none for Wan 2.2 I2V A14B, which has no CLIP). The denoiser gets both after the text embeddings, the same for the prompt and
 * the negative prompt halves of the batch.
 *
 * <p>Wan's VAE encoder is causal, so its package carries it chunked, like the decoder: {@code image_encoder}
 * takes the start image [1, 3, 1, H, W] and its centre square [1, 3, S, S] (the part CLIP sees; the module resizes
 * it to CLIP's input, so any aspect works) and returns latent frame 0, the image tokens and the caches;
 * {@code image_encoder_step} takes the next 4 (zero) frames and the caches and returns the next latent frame and
 * caches. The mask (t channels, 1 on latent frame 0, as WanImageToVideoPipeline builds it) is made here.
 */
final class ImageConditioner {

    private final TorchModule encoder;
    private final Optional<TorchModule> step;
    private final LatentSpec latent;
    private final boolean tokens;

    /** @param tokens whether the encoder returns image tokens after latent frame 0 (Wan 2.1 I2V's CLIP) */
    ImageConditioner(TorchModule encoder, Optional<TorchModule> step, LatentSpec latent, boolean tokens) {
        this.encoder = encoder;
        this.step = step;
        this.latent = latent;
        this.tokens = tokens;
    }

    /** The denoiser's extra inputs for a clip of {@code frames} at {@code size}, repeated to {@code batch}. */
    NDList encode(NDManager manager, BufferedImage start, NativeSize size, int frames, int batch) {
        NDList out = step.isPresent() ? chunked(manager, start, size, frames)
                : encoder.forward(new NDList(video(manager, start, size, frames)));
        if (out.size() != (tokens ? 2 : 1)) {
            throw new IllegalStateException("image_encoder returned " + out.size()
                    + (tokens ? " outputs; a condition and image tokens were expected" : " outputs; a condition was expected"));
        }
        NDList extra = new NDList(out.size());
        for (NDArray a : out) {
            extra.add(batch == 1 ? a : NDArrays.concat(new NDList(a, a), 0));
        }
        return extra;
    }

    /**
     * Wan 2.2 TI2V 5B's image mode ({@link FirstFrameImage}): the start image alone through {@code image_encoder}
     * (image and centre square, the family's signature), its normalised VAE latent [1, z, 1, h, w]; the caches it
     * also returns are not needed.
     */
    NDArray firstFrame(NDManager manager, BufferedImage start, NativeSize size) {
        NDList out = encoder.forward(imageAndSquare(manager, start, size));
        NDArray frame = out.head();
        Shape s = frame.getShape();
        if (s.dimension() != 5 || s.get(0) != 1 || s.get(1) != latent.channels() || s.get(2) != 1) {
            throw new IllegalStateException("image_encoder returned a latent frame of shape " + s + " but (1, "
                    + latent.channels() + ", 1, h, w) was expected");
        }
        return frame;
    }

    private NDList chunked(NDManager manager, BufferedImage start, NativeSize size, int frames) {
        int h = size.height();
        int w = size.width();
        NDList out = encoder.forward(imageAndSquare(manager, start, size));
        int first = tokens ? 2 : 1;
        if (out.size() < first) {
            throw new IllegalStateException("image_encoder returned " + out.size() + " outputs; a latent frame, "
                    + (tokens ? "image tokens " : "") + "and caches were expected");
        }
        NDList latents = new NDList(out.head());
        NDList caches = out.subNDList(first);
        int t = latent.temporalCompression();
        int latentFrames = (frames - 1) / t + 1;
        for (int i = 1; i < latentFrames; i++) {
            NDList in = new NDList(manager.zeros(new Shape(1, 3, t, h, w)));
            in.addAll(caches);
            NDList next = step.get().forward(in);
            in.close();
            latents.add(next.head());
            caches = next.subNDList(1);
        }
        caches.close();
        NDArray all = latents.size() == 1 ? latents.head() : NDArrays.concat(latents, 2);
        Shape l = all.getShape();
        NDArray mask = manager.zeros(new Shape(1, t, l.get(2), l.get(3), l.get(4)));
        mask.set(new NDIndex(":, :, 0"), 1f);
        NDArray condition = mask.concat(all, 1);
        return tokens ? new NDList(condition, out.get(1)) : new NDList(condition);
    }

    /** The image encoder's inputs: the start image [1, 3, 1, H, W] and its centre square [1, 3, S, S]. */
    private static NDList imageAndSquare(NDManager manager, BufferedImage start, NativeSize size) {
        NDArray image = video(manager, start, size, 1);
        int side = Math.min(size.height(), size.width());
        int top = (size.height() - side) / 2;
        int left = (size.width() - side) / 2;
        return new NDList(image, image.get(new NDIndex(":, :, 0, {}:{}, {}:{}", top, top + side, left, left + side)));
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
