package io.reelforge.models;

/** One exported part of a model package: the file's name in the package folder and its SHA-256 (hex). */
public record Component(String file, String sha256) {

    public static final String TOKENIZER = "tokenizer";
    public static final String TEXT_ENCODER = "text_encoder";
    public static final String DENOISER = "denoiser";
    /** A two-expert family's low-noise denoiser (Wan 2.2 A14B); {@code denoiser} is then the high-noise one. */
    public static final String DENOISER_LOW = "denoiser_low";
    public static final String VAE_DECODER = "vae_decoder";
    /** A causal (chunked) VAE's later chunks: {@code vae_decoder} then decodes only the first latent frame. */
    public static final String VAE_DECODER_STEP = "vae_decoder_step";
    public static final String IMAGE_ENCODER = "image_encoder";
    /** A causal VAE's image encoder, later chunks: {@code image_encoder} then encodes the start image only. */
    public static final String IMAGE_ENCODER_STEP = "image_encoder_step";
    /**
     * LTX-Video 0.9.7/0.9.8's spatial latent upsampler between its two passes: not supported, a package naming it is
     * refused (the engine samples one pass).
     */
    public static final String LATENT_UPSAMPLER = "latent_upsampler";
}
