package io.reelforge.models;

/**
 * The shape of a model's latent video: {@code channels} per latent voxel, one latent frame per
 * {@code temporalCompression} frames (after the first) and one latent pixel per {@code spatialCompression}
 * pixels each way. The decoder is given {@code latents / scale}.
 */
public record LatentSpec(int channels, double scale, int temporalCompression, int spatialCompression) {

    public LatentSpec {
        if (channels < 1 || temporalCompression < 1 || spatialCompression < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("latent channels, compression and scale must be positive");
        }
    }

    /** [batch, channels, frames, height, width] of the latents for a clip of {@code size} and {@code frames}. */
    public long[] shape(NativeSize size, int frames) {
        return new long[] {1, channels, (frames - 1) / temporalCompression + 1,
                size.height() / spatialCompression, size.width() / spatialCompression};
    }
}
