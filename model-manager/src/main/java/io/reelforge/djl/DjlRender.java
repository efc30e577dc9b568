package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.NativePlan;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One render on a loaded model: plan the native clip, encode the prompts (and the start image for
 * image-to-video), sample from seeded noise, decode,
 * then hand out the output frames, each resized to the output size and picked from the native frames by
 * time (the model's fps differs from the output's; frame interpolation is later work).
 */
final class DjlRender {

    private final LoadedModel model;
    private final SamplerSettings settings;

    DjlRender(LoadedModel model, SamplerSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    RenderReport run(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        Manifest manifest = model.manifest();
        NativePlan plan = manifest.plan(spec.width(), spec.height(), spec.frameCount() / (double) spec.fps());
        long[] latentShape = manifest.latent().shape(plan.size(), plan.frames());
        SamplerSettings settings = this.settings.forLatent(manifest.defaults().dynamicShift(),
                latentShape[2] * latentShape[3] * latentShape[4]);
        CameraConditioning prompts = CameraConditioning.of(spec);
        List<String> texts = settings.guided() ? List.of(prompts.prompt(), prompts.negativePrompt())
                : List.of(prompts.prompt());
        try (NDManager manager = model.denoiser().manager().newSubManager()) {
            NDArray context = model.prompts().encode(manager, texts);
            SeededNoise stream = new SeededNoise(spec.seed());
            NDArray noise = stream.next(manager, latentShape);
            NDArray latents;
            if (manifest.family().imageOptional() && manifest.takesImage()) {
                // Wan 2.2 TI2V 5B: per-token timesteps; the start image's latent holds latent frame 0
                NDArray first = spec.startImage().map(i -> model.image().orElseThrow().firstFrame(manager, i,
                        plan.size())).orElse(null);
                latents = new FlowSampler(settings, stream).sample(noise, context, perToken(model.denoiser(), first),
                        null, control);
                if (first != null) {
                    latents = FirstFrameImage.hold(latents, first);
                }
            } else {
                NDList image = imageConditioning(manager, spec, plan, settings);
                Velocity high = velocity(model.denoiser(), image);
                Velocity low = model.denoiserLow().map(d -> velocity(d, image)).orElse(null);
                latents = new FlowSampler(settings, stream).sample(noise, context, high, low, control);
            }
            control.checkpoint(FlowSampler.PROGRESS_SHARE);
            NDArray video = model.decoder().decode(latents, stream);
            checkFrames(manifest, plan, video);
            deliver(spec, plan, video, sink, control);
        } catch (RuntimeException e) {
            throw EngineFailures.translate(e);
        } catch (OutOfMemoryError e) {
            throw EngineFailures.outOfMemory(e);
        }
        control.checkpoint(1.0);
        boolean upscaled = spec.width() > plan.size().width() || spec.height() > plan.size().height();
        return new RenderReport(manifest.name(), manifest.version(), plan.size().width(), plan.size().height(),
                settings.steps(), upscaled);
    }

    /** The start image's conditioning, once per render (image-to-video); null for text-to-video. */
    private NDList imageConditioning(NDManager manager, RenderSpec spec, NativePlan plan, SamplerSettings settings) {
        return model.image().map(i -> i.encode(manager, spec.startImage().orElseThrow(), plan.size(), plan.frames(),
                settings.guided() ? 2 : 1)).orElse(null);
    }

    /** A denoiser as the sampler calls it; an image-to-video model also gets the start image's conditioning. */
    private static Velocity velocity(TorchModule denoiser, NDList image) {
        if (image == null) {
            return (x, t, c) -> denoiser.forward(new NDList(x, t, c)).head();
        }
        return (x, t, c) -> {
            NDList inputs = new NDList(x, t, c);
            inputs.addAll(image);
            return denoiser.forward(inputs).head();
        };
    }

    /**
     * A denoiser taking a timestep per token (Wan 2.2 TI2V 5B with an image encoder), with the start image's latent
     * {@code first} in latent frame 0 and 0 as that frame's timestep; {@code first} null for text mode.
     */
    static Velocity perToken(TorchModule denoiser, NDArray first) {
        return (x, t, c) -> {
            NDArray input = first == null ? x : FirstFrameImage.hold(x, first);
            return denoiser.forward(new NDList(input, FirstFrameImage.perToken(t, x.getShape(), first != null), c))
                    .head();
        };
    }

    /** A decoder that returns another frame count than the plan's would make a silently short or long clip. */
    private static void checkFrames(Manifest manifest, NativePlan plan, NDArray video) throws RenderException {
        long decoded = video.getShape().get(2);
        if (decoded != plan.frames()) {
            throw new RenderException("render.failed", "the VAE decoder of " + manifest.name() + "/"
                    + manifest.version() + " returned " + decoded + " frames but " + plan.frames()
                    + " were asked for; the package decodes only the frame count it was traced at: export it again"
                    + " with this release's script");
        }
    }

    private static void deliver(RenderSpec spec, NativePlan plan, NDArray video, FrameSink sink, RenderControl control)
            throws RenderException {
        int decoded = (int) video.getShape().get(2);
        FrameResizer resizer = new FrameResizer(spec.width(), spec.height());
        int shown = -1;
        BufferedImage frame = null;
        for (int i = 0; i < spec.frameCount(); i++) {
            control.checkpoint(FlowSampler.PROGRESS_SHARE
                    + (1 - FlowSampler.PROGRESS_SHARE) * i / spec.frameCount());
            int index = Math.min(decoded - 1, (int) Math.round(i * (double) plan.fps() / spec.fps()));
            if (index != shown) {
                frame = resizer.cover(VideoDecoder.frame(video, index));
                shown = index;
            }
            sink.accept(frame);
        }
    }
}
