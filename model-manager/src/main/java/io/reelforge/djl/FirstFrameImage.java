package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Wan 2.2 TI2V 5B's image mode as diffusers' WanImageToVideoPipeline runs it with {@code expand_timesteps}: the start
 * image's normalised VAE latent is latent frame 0 of every denoiser input ({@code (1 - mask) condition + mask
 * latents}) and of the latents decoded at the end, and the denoiser takes one timestep per token, 0 on latent frame
 * 0's tokens ({@code (mask[:, ::2, ::2] * t).flatten()}). The sampler steps the latents themselves; their frame 0 is
 * never seen. A package of this family that carries an image encoder takes per-token timesteps in text mode too
 * (every token the step's timestep, as WanPipeline gives it).
 */
final class FirstFrameImage {

    /** The transformer's spatial patch (1 x 2 x 2): one token per 2 x 2 latent pixels. */
    static final int PATCH = 2;

    private FirstFrameImage() {
    }

    /**
     * [B] timesteps to [B, F (h/2) (w/2)] for latents of {@code latents}' shape: each token its row's timestep,
     * latent frame 0's tokens 0 when {@code image} holds that frame.
     */
    static NDArray perToken(NDArray timesteps, Shape latents, boolean image) {
        long perFrame = (latents.get(3) / PATCH) * (latents.get(4) / PATCH);
        NDArray mask = timesteps.getManager().ones(new Shape(latents.get(2), perFrame));
        if (image) {
            mask.set(new NDIndex("0"), 0f);
        }
        return timesteps.reshape(-1, 1).mul(mask.reshape(1, -1));
    }

    /** {@code x} [B, C, F, h, w] with latent frame 0 replaced, in every row, by {@code frame} [1, C, 1, h, w]. */
    static NDArray hold(NDArray x, NDArray frame) {
        long batch = x.getShape().get(0);
        if (batch > 2) {
            throw new IllegalArgumentException("a batch of " + batch + "; the sampler batches at most 2");
        }
        NDArray first = batch == 1 ? frame : NDArrays.concat(new NDList(frame, frame), 0);
        return x.getShape().get(2) == 1 ? first.duplicate() : first.concat(x.get(":, :, 1:"), 2);
    }
}
