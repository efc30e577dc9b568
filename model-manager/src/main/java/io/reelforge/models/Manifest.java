package io.reelforge.models;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package's {@code manifest.json}, parsed and checked against its family (see docs/models.md).
 *
 * @param components by role ({@link Component#DENOISER} ...)
 * @param textLength the token count the text encoder was exported for; prompts are padded or cut to it
 * @param device     the kind of device the components were traced on ({@code cpu} or {@code gpu}); a trace bakes
 *                   its device in, so a package loads only on that kind. Null for packages that do not say
 * @param decode     the decoder's noise and timestep (LTX's timestep-conditioned VAE); null when it takes the latents
 *                   alone
 */
public record Manifest(
        String name,
        String version,
        ModelFamily family,
        Map<String, Component> components,
        List<NativeSize> nativeSizes,
        int fps,
        FrameRule frameRule,
        LatentSpec latent,
        SamplerDefaults defaults,
        int textLength,
        String device,
        DecodeNoise decode) {

    public Manifest {
        components = Map.copyOf(components);
        nativeSizes = List.copyOf(nativeSizes);
    }

    public Optional<Component> component(String role) {
        return Optional.ofNullable(components.get(role));
    }

    /**
     * Whether the package renders from a start image: always for an image-to-video family; for an image-optional one
     * (Wan 2.2 TI2V 5B) when it carries an {@code image_encoder}, and then its denoiser takes a timestep per token
     * ({@link ModelFamily#imageOptional()}).
     */
    public boolean takesImage() {
        return family.needsImage() || family.imageOptional() && components.containsKey(Component.IMAGE_ENCODER);
    }

    /** What this model renders for an output of {@code width x height} lasting {@code seconds}. */
    public NativePlan plan(int width, int height, double seconds) {
        return NativePlanner.plan(nativeSizes, frameRule, fps, width, height, seconds);
    }
}
