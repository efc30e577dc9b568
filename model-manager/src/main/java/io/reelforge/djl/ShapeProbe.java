package io.reelforge.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.reelforge.models.LatentSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.PackageException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs each component once on the smallest input its family allows (two latent frames of 2x2) and checks
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

    void check(PromptEncoder prompts, TorchModule denoiser, VideoDecoder decoder) throws PackageException {
        LatentSpec latent = manifest.latent();
        try (NDManager manager = denoiser.manager().newSubManager()) {
            NDArray context = prompts.encode(manager, List.of("probe"));
            expect("text_encoder", context, 3, 1, manifest.textLength());
            Shape latentShape = new Shape(1, latent.channels(), 2, PROBE_SIDE, PROBE_SIDE);
            NDArray latents = manager.zeros(latentShape);
            NDArray v = denoiser.forward(new NDList(latents, manager.create(new float[] {500f}), context)).head();
            expect("denoiser", v, 5, latentShape.getShape());
            NDArray video = decoder.decode(latents);
            long frames = latent.temporalCompression() + 1L;
            long side = PROBE_SIDE * latent.spatialCompression();
            expect("vae_decoder", video, 5, 1, 3, frames, side, side);
        } catch (RuntimeException e) {
            throw new PackageException(dir, "the components do not fit together: " + e.getMessage(), e);
        }
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
