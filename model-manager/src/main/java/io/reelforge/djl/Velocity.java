package io.reelforge.djl;

import ai.djl.ndarray.NDArray;

/** A denoiser as the sampler sees it: (latents, timesteps [B], text embeddings) to a velocity like latents. */
@FunctionalInterface
interface Velocity {
    NDArray predict(NDArray latents, NDArray timesteps, NDArray context);
}
