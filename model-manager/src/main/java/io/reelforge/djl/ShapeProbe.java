package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.reelforge.models.LatentSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.NativeSize;
import io.reelforge.models.PackageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs each component once on the smallest input its family allows (two latent frames of 2x2; for
 * image-to-video the image encoder first, on the clip those frames decode to) and checks
 * the shapes that come back against the manifest, so a package exported for another family or size is
 * refused when it loads, with a reason, rather than failing in every render.
 */
final class ShapeProbe {

    private static final long PROBE_SIDE = 2;

    private final Path dir;
    private final Manifest manifest;

    ShapeProbe(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    void check(PromptEncoder prompts, TorchModule denoiser, VideoDecoder decoder, Optional<ImageConditioner> image)
            throws PackageException {
        LatentSpec latent = manifest.latent();
        try (NDManager manager = denoiser.manager().newSubManager()) {
            NDArray context = prompts.encode(manager, List.of("probe"));
            expect("text_encoder", context, 3, 1, manifest.textLength());
            Shape latentShape = new Shape(1, latent.channels(), 2, PROBE_SIDE, PROBE_SIDE);
            NDArray latents = manager.zeros(latentShape);
            NDArray v;
            if (manifest.family().imageOptional() && manifest.takesImage()) {
                NDArray first = probeFirstFrame(manager, image.orElseThrow(), latent);
                v = DjlRender.perToken(denoiser, first).predict(latents, manager.create(new float[] {500f}), context);
            } else {
                NDList inputs = new NDList(latents, manager.create(new float[] {500f}), context);
                if (image.isPresent()) {
                    inputs.addAll(probeImage(manager, image.get(), latent));
                }
                v = denoiser.forward(inputs).head();
            }
            expect("denoiser", v, 5, latentShape.getShape());
            NDArray video = decoder.decode(latents, new SeededNoise(0));
            long frames = latent.temporalCompression() + 1L;
            long side = PROBE_SIDE * latent.spatialCompression();
            expect("vae_decoder", video, 5, 1, 3, frames, side, side);
        } catch (RuntimeException e) {
            throw new PackageException(dir, "the components do not fit together: " + e.getMessage(), e);
        }
    }

    /** Wan 2.2 TI2V 5B's image mode: the start image's latent must be one latent frame of the probe's size. */
    private NDArray probeFirstFrame(NDManager manager, ImageConditioner image, LatentSpec latent)
            throws PackageException {
        int side = (int) (PROBE_SIDE * latent.spatialCompression());
        NDArray first = image.firstFrame(manager, new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR), new NativeSize(side, side));
        expect("image_encoder", first, 5, 1, latent.channels(), 1, PROBE_SIDE, PROBE_SIDE);
        return first;
    }

    /** A clip of two latent frames; the condition must match the latents' frames and size, the tokens be [1, N, D]. */
    private NDList probeImage(NDManager manager, ImageConditioner image, LatentSpec latent) throws PackageException {
        int side = (int) (PROBE_SIDE * latent.spatialCompression());
        NDList out = image.encode(manager, new java.awt.image.BufferedImage(side, side,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR), new NativeSize(side, side), latent.temporalCompression() + 1, 1);
        Shape condition = out.get(0).getShape();
        if (condition.dimension() != 5 || condition.get(0) != 1 || condition.get(2) != 2 || condition.get(3) != PROBE_SIDE
                || condition.get(4) != PROBE_SIDE) {
            throw new PackageException(dir, "image_encoder returned a condition of shape " + condition + " but (1, ?, 2, "
                    + PROBE_SIDE + ", " + PROBE_SIDE + ") was expected for " + manifest.family().title());
        }
        if (manifest.family().imageTokens()) {
            expect("image_encoder", out.get(1), 3, 1);
        }
        return out;
    }

    private void expect(String component, NDArray out, int rank, long... leading)
            throws PackageException {
        Shape s = out.getShape();
        boolean ok = s.dimension() == rank;
        for (int i = 0; ok && i < leading.length; i++) {
            ok = s.get(i) == leading[i];
        }
        if (!ok) {
            throw new PackageException(dir, component + " returned shape " + s + " but " + expected(rank, leading)
                    + " was expected for " + manifest.family().title());
        }
    }

    private static String expected(int rank, long[] leading) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < rank; i++) {
            b.append(i > 0 ? ", " : "").append(i < leading.length ? String.valueOf(leading[i]) : "?");
        }
        return b.append(')').toString();
    }
}
