package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import io.reelforge.models.DecodeNoise;
import java.util.Optional;

/**
 * Latents to pixels: the VAE decoder turns [1, C, F, h, w] into RGB video [1, 3, N, H, W] in [-1, 1], and
 * each frame is then copied out on its own, so only one frame at a time crosses from the device.
 *
 * <p>A causal VAE (Wan's) comes as two modules that carry its feature caches as explicit tensors:
 * {@code first(latent frame 0) -> (video, caches...)} and {@code step(latent frame i, caches...) -> (video,
 * caches...)}; the decoder calls the first once and the step for every later latent frame, so a package
 * decodes any frame count (a traced whole-clip loop would return the traced count). Each step's caches are
 * freed as soon as the next step has consumed them.
 *
 * <p>LTX's timestep-conditioned VAE ({@link DecodeNoise}) is given, after the latents, the render's next Gaussians of
 * the latents' shape and {@code [timestep, noise scale]}; it mixes the noise in after de-normalising, as diffusers'
 * LTX pipelines do before {@code vae.decode(latents, timestep)}.
 */
final class VideoDecoder {

    private final TorchModule vae;
    private final Optional<TorchModule> step;
    private final double scale;
    private final DecodeNoise noise;

    /** @param noise LTX's decode noise and timestep; null for a decoder that takes the latents alone */
    VideoDecoder(TorchModule vae, Optional<TorchModule> step, double scale, DecodeNoise noise) {
        this.vae = vae;
        this.step = step;
        this.scale = scale;
        this.noise = noise;
    }

    /** Decodes with the decode noise (if the package takes one) drawn from {@code stream}, the render's. */
    NDArray decode(NDArray latents, SeededNoise stream) {
        NDArray scaled = scale == 1.0 ? latents : latents.div((float) scale);
        if (step.isEmpty()) {
            NDList in = new NDList(scaled);
            if (noise != null) {
                in.add(stream.next(latents.getManager(), latents.getShape().getShape()));
                in.add(latents.getManager().create(new float[] {(float) noise.timestep(), (float) noise.noiseScale()}));
            }
            return vae.forward(in).singletonOrThrow();
        }
        int frames = (int) scaled.getShape().get(2);
        NDList out = vae.forward(new NDList(scaled.get(new NDIndex(":, :, 0:1"))));
        NDList pieces = new NDList(out.head());
        for (int i = 1; i < frames; i++) {
            NDList in = new NDList(scaled.get(new NDIndex(":, :, {}:{}", i, i + 1)));
            in.addAll(out.subNDList(1));
            NDList next = step.get().forward(in);
            in.close(); // the latent slice and the caches just consumed
            pieces.add(next.head());
            out = next;
        }
        out.subNDList(1).close();
        NDArray video = pieces.size() == 1 ? pieces.head() : NDArrays.concat(pieces, 2);
        if (pieces.size() > 1) {
            pieces.close();
        }
        return video;
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
