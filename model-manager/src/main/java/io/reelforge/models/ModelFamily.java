package io.reelforge.models;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The video model families the appliance can run: the one table of everything that differs between them.
 * A package names its family; its manifest must agree with the structural facts here (frame rule, latent
 * shape) because the exported components were built for them, while sizes, fps and sampler defaults come
 * from the manifest within what the family allows.
 *
 * <p>Numbers are those of the reference pipelines in diffusers: Wan 2.1 and 2.2 (16 fps, 4k+1 frames, a VAE
 * compressing 4x in time and 8x in space, 16x for the 2.2 5B model) and LTX-Video (24 or 25 fps, 8k+1
 * frames, 8x in time and 32x in space). Wan samples with DPM-Solver++ (2M) by default, as its own generate
 * script offers beside UniPC; LTX-Video with Euler, as its diffusers pipeline does (docs/models.md, Sampling).
 */
public enum ModelFamily {

    WAN21_T2V_1_3B("wan2.1-t2v-1.3b", "Wan 2.1 T2V 1.3B", sizes(832, 480, 480, 832), fps(16),
            new FrameRule(4, 1), 16, 4, 8, 16, new SamplerDefaults(50, 5.0, 3.0, Scheduler.FLOW_DPMPP_2M), false, true),
    WAN21_T2V_14B("wan2.1-t2v-14b", "Wan 2.1 T2V 14B", sizes(1280, 720, 720, 1280, 832, 480, 480, 832), fps(16),
            new FrameRule(4, 1), 16, 4, 8, 16, new SamplerDefaults(50, 5.0, 5.0, Scheduler.FLOW_DPMPP_2M), false, true),
    WAN21_I2V_14B("wan2.1-i2v-14b", "Wan 2.1 I2V 14B", sizes(1280, 720, 720, 1280, 832, 480, 480, 832), fps(16),
            new FrameRule(4, 1), 16, 4, 8, 16, new SamplerDefaults(40, 5.0, 5.0, Scheduler.FLOW_DPMPP_2M), true, true),
    WAN22_TI2V_5B("wan2.2-ti2v-5b", "Wan 2.2 TI2V 5B", sizes(1280, 704, 704, 1280), fps(24),
            new FrameRule(4, 1), 48, 4, 16, 32, new SamplerDefaults(50, 5.0, 5.0, Scheduler.FLOW_DPMPP_2M), false, true),
    // Wan 2.2 A14B: two 14B experts switched at a boundary (Wan2.2 configs/wan_t2v_A14B.py: boundary 0.875,
    // sample_shift 12, 40 steps, sample_guide_scale (3.0, 4.0) = (low noise, high noise); the Wan 2.1 VAE)
    WAN22_T2V_A14B("wan2.2-t2v-a14b", "Wan 2.2 T2V A14B", sizes(1280, 720, 720, 1280, 832, 480, 480, 832), fps(16),
            new FrameRule(4, 1), 16, 4, 8, 16, new SamplerDefaults(40, 4.0, 12.0, Scheduler.FLOW_DPMPP_2M, List.of(),
                    0, null, new ExpertSwitch(0.875, 3.0)), false, true),
    // Wan 2.2 I2V A14B: the two experts over Wan 2.1 I2V's condition (mask and VAE latent of the start image), without
    // CLIP (its pipeline has no image_encoder, its transformers no image_dim); Wan2.2 configs/wan_i2v_A14B.py:
    // boundary 0.900, sample_shift 5.0, 40 steps, sample_guide_scale (3.5, 3.5)
    WAN22_I2V_A14B("wan2.2-i2v-a14b", "Wan 2.2 I2V A14B", sizes(1280, 720, 720, 1280, 832, 480, 480, 832), fps(16),
            new FrameRule(4, 1), 16, 4, 8, 16, new SamplerDefaults(40, 3.5, 5.0, Scheduler.FLOW_DPMPP_2M, List.of(),
                    0, null, new ExpertSwitch(0.9, 3.5)), true, true),
    // LTX shifts by e^mu, mu growing with the latent sequence length; e^2.05 is its scheduler's max_shift as
    // mu, and export_ltx_video.py writes the exact value for the size it exports
    LTX_VIDEO("ltx-video", "LTX-Video", sizes(768, 512, 512, 768, 1216, 704, 704, 1216), fps(24, 25),
            new FrameRule(8, 1), 128, 8, 32, 32, new SamplerDefaults(40, 3.0, 7.77, Scheduler.FLOW_EULER), false, false),
    LTX_VIDEO_DISTILLED("ltx-video-distilled", "LTX-Video distilled", sizes(768, 512, 512, 768, 1216, 704, 704, 1216),
            fps(24, 25), new FrameRule(8, 1), 128, 8, 32, 32,
            new SamplerDefaults(8, 1.0, 7.77, Scheduler.FLOW_EULER), false, false);

    private final String id;
    private final String title;
    private final List<NativeSize> sizes;
    private final List<Integer> fps;
    private final FrameRule frameRule;
    private final int latentChannels;
    private final int temporalCompression;
    private final int spatialCompression;
    private final int sizeAlignment;
    private final SamplerDefaults defaults;
    private final boolean needsImage;
    private final boolean causalVae;

    ModelFamily(String id, String title, List<NativeSize> sizes, List<Integer> fps, FrameRule frameRule,
            int latentChannels, int temporalCompression, int spatialCompression, int sizeAlignment,
            SamplerDefaults defaults, boolean needsImage, boolean causalVae) {
        this.id = id;
        this.title = title;
        this.sizes = sizes;
        this.fps = fps;
        this.frameRule = frameRule;
        this.latentChannels = latentChannels;
        this.temporalCompression = temporalCompression;
        this.spatialCompression = spatialCompression;
        this.sizeAlignment = sizeAlignment;
        this.defaults = defaults;
        this.needsImage = needsImage;
        this.causalVae = causalVae;
    }

    /** Every family's id, in the table's order: what an unknown id is told it could have been. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelFamily::id).toList();
    }

    public static Optional<ModelFamily> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The sizes the model was trained at, landscape first. */
    public List<NativeSize> sizes() {
        return sizes;
    }

    public List<Integer> fps() {
        return fps;
    }

    public FrameRule frameRule() {
        return frameRule;
    }

    public int latentChannels() {
        return latentChannels;
    }

    public int temporalCompression() {
        return temporalCompression;
    }

    public int spatialCompression() {
        return spatialCompression;
    }

    /** Native widths and heights must be multiples of this (VAE compression times the patch size). */
    public int sizeAlignment() {
        return sizeAlignment;
    }

    public SamplerDefaults defaults() {
        return defaults;
    }

    /**
     * Two denoisers (Wan 2.2 A14B): such a package also carries {@code denoiser_low.pt}, the low-noise expert, and
     * its manifest's defaults a {@code boundary}.
     */
    public boolean twoExperts() {
        return defaults.experts() != null;
    }

    /** Image-to-video only: such a package also carries {@code image_encoder.pt}. */
    public boolean needsImage() {
        return needsImage;
    }

    /**
     * Text-to-video, and image-to-video from a package that carries an {@code image_encoder} (Wan 2.2 TI2V 5B, as
     * WanImageToVideoPipeline runs it with {@code expand_timesteps}): the start image's VAE latent stands in for latent
     * frame 0 in every denoiser input and in the decoded latents, and the denoiser takes a timestep per token
     * [B, F h/2 w/2] (patch 1x2x2), 0 on latent frame 0's tokens. Such a package's image encoder returns latent frame 0
     * (and its caches, unused); there is no {@code image_encoder_step} and no condition input.
     */
    public boolean imageOptional() {
        return this == WAN22_TI2V_5B;
    }

    /**
     * Whether the image encoder also returns CLIP image tokens for the denoiser (Wan 2.1 I2V); Wan 2.2 I2V A14B
     * conditions on the start image's latent alone.
     */
    public boolean imageTokens() {
        return needsImage && this != WAN22_I2V_A14B;
    }

    /**
     * Wan's causal VAE decodes one latent frame at a time, carrying feature caches from frame to frame; a trace
     * of its whole-clip decode unrolls that loop and returns the traced frame count whatever it is given. Such a
     * package carries the chunked decoder instead: {@code vae_decoder} for the first latent frame and
     * {@code vae_decoder_step} for each later one, with the caches as explicit tensors (docs/models.md).
     */
    public boolean causalVae() {
        return causalVae;
    }

    private static List<NativeSize> sizes(int... wh) {
        NativeSize[] out = new NativeSize[wh.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = new NativeSize(wh[2 * i], wh[2 * i + 1]);
        }
        return List.of(out);
    }

    private static List<Integer> fps(Integer... rates) {
        return List.of(rates);
    }
}
