package io.reelforge.models;

/**
 * LTX-Video's timestep-conditioned VAE decode (0.9.1 and later VAEs): before decoding, diffusers' LTX pipelines
 * mix fresh noise into the de-normalised latents, {@code (1 - noiseScale) x + noiseScale eps}, and give the decoder
 * {@code timestep}; Lightricks' configs and diffusers' LTX docs use 0.05 and 0.025. The package's
 * {@code vae_decoder} then takes the noise and {@code [timestep, noiseScale]} after the latents.
 */
public record DecodeNoise(double timestep, double noiseScale) {

    public DecodeNoise {
        if (!(timestep >= 0 && timestep <= 1) || !(noiseScale >= 0 && noiseScale <= 1)) {
            throw new IllegalArgumentException("decode timestep and noise_scale must be in [0, 1], not " + timestep
                    + " and " + noiseScale);
        }
    }
}
