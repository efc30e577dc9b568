package io.reelforge.djl;

import ai.djl.Device;
import io.reelforge.models.Component;
import io.reelforge.models.Manifest;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.PackageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model package's components (the image encoder too for image-to-video families), loaded onto a device
 * once and kept there for every render, with their shapes probed. Closing frees the native memory.
 */
final class LoadedModel implements AutoCloseable {

    private final ModelPackage pkg;
    private final PromptEncoder prompts;
    private final TorchModule denoiser;
    private final TorchModule denoiserLow;
    private final VideoDecoder decoder;
    private final ImageConditioner image;
    private final List<AutoCloseable> owned;

    private LoadedModel(ModelPackage pkg, PromptEncoder prompts, TorchModule denoiser, TorchModule denoiserLow,
            VideoDecoder decoder, ImageConditioner image, List<AutoCloseable> owned) {
        this.pkg = pkg;
        this.prompts = prompts;
        this.denoiser = denoiser;
        this.denoiserLow = denoiserLow;
        this.decoder = decoder;
        this.image = image;
        this.owned = owned;
    }

    static LoadedModel load(ModelPackage pkg, Device device) throws PackageException {
        String tracedFor = pkg.manifest().device();
        if (tracedFor != null && !tracedFor.equals(device.getDeviceType())) {
            throw new PackageException(pkg.dir(), "the package was traced for " + tracedFor + " (its device is baked"
                    + " into the TorchScript) but this appliance renders on " + device.getDeviceType()
                    + ": export it again with --device " + ("gpu".equals(device.getDeviceType()) ? "cuda" : "cpu"));
        }
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            TorchModule encoder = track(owned, TorchModule.load(pkg.path(Component.TEXT_ENCODER), device));
            PromptEncoder prompts = new PromptEncoder(pkg.path(Component.TOKENIZER), encoder,
                    pkg.manifest().textLength());
            owned.set(owned.size() - 1, prompts); // closes the encoder with the tokenizer
            TorchModule denoiser = track(owned, TorchModule.load(pkg.path(Component.DENOISER), device));
            TorchModule denoiserLow = pkg.manifest().family().twoExperts()
                    ? track(owned, TorchModule.load(pkg.path(Component.DENOISER_LOW), device)) : null;
            TorchModule vae = track(owned, TorchModule.load(pkg.path(Component.VAE_DECODER), device));
            Optional<TorchModule> step = pkg.manifest().family().causalVae() ? Optional.of(track(owned,
                    TorchModule.load(pkg.path(Component.VAE_DECODER_STEP), device))) : Optional.empty();
            VideoDecoder decoder = new VideoDecoder(vae, step, pkg.manifest().latent().scale(),
                    pkg.manifest().decode());
            ImageConditioner image = pkg.manifest().takesImage() ? new ImageConditioner(
                    track(owned, TorchModule.load(pkg.path(Component.IMAGE_ENCODER), device)),
                    step.isEmpty() || !pkg.manifest().family().needsImage() ? Optional.empty() : Optional.of(track(owned,
                            TorchModule.load(pkg.path(Component.IMAGE_ENCODER_STEP), device))),
                    pkg.manifest().latent(), pkg.manifest().family().imageTokens()) : null;
            ShapeProbe probe = new ShapeProbe(pkg.dir(), pkg.manifest());
            probe.check(prompts, denoiser, decoder, Optional.ofNullable(image));
            if (denoiserLow != null) {
                probe.check(prompts, denoiserLow, decoder, Optional.ofNullable(image));
            }
            return new LoadedModel(pkg, prompts, denoiser, denoiserLow, decoder, image, owned);
        } catch (PackageException e) {
            closeAll(owned);
            throw e;
        } catch (Exception e) {
            closeAll(owned);
            throw new PackageException(pkg.dir(), "cannot load the components on " + device + ": " + e.getMessage(), e);
        }
    }

    Manifest manifest() {
        return pkg.manifest();
    }

    PromptEncoder prompts() {
        return prompts;
    }

    TorchModule denoiser() {
        return denoiser;
    }

    /** The low-noise expert of a two-expert family; empty otherwise. */
    Optional<TorchModule> denoiserLow() {
        return Optional.ofNullable(denoiserLow);
    }

    VideoDecoder decoder() {
        return decoder;
    }

    /** The image encoder of an image-to-video family; empty for text-to-video ones. */
    Optional<ImageConditioner> image() {
        return Optional.ofNullable(image);
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> owned, T resource) {
        owned.add(resource);
        return resource;
    }

    private static void closeAll(List<AutoCloseable> owned) {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // freeing native memory at shutdown; nothing left to report it to
            }
        }
    }
}
