package io.reelforge.djl;

import ai.djl.Device;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.NativeSize;
import io.reelforge.models.PackageException;
import io.reelforge.models.VersionLoader;
import java.awt.image.BufferedImage;
import java.util.Comparator;

/**
 * Loads registry versions on DJL's PyTorch engine: the components once per version (the load already probes
 * that their shapes chain), and a smoke test that samples one step at the smallest native size and the
 * fewest frames the family allows, decodes and converts every frame, so a package that loads but cannot
 * render (NaNs, a decoder that breaks at real sizes) is FAILED on import rather than in a user's render.
 * Both run on {@code device}, the first of the engine's devices; the others load the version when a render
 * pinned to them first uses it ({@link DeviceModels}).
 */
public final class DjlVersionLoader implements VersionLoader {

    private static final String SMOKE_PROMPT = "a red fox runs through the snow";

    private final Device device;

    public DjlVersionLoader(Device device) {
        this.device = device;
    }

    @Override
    public Loaded load(ModelPackage pkg) throws PackageException {
        try {
            LoadedModel model = LoadedModel.load(pkg, device);
            return new DjlLoaded(pkg, new DeviceModels(pkg, device, model), model);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new PackageException(pkg.dir(), "DJL PyTorch engine cannot start on " + device + ": " + e, e);
        }
    }

    private record DjlLoaded(ModelPackage pkg, DeviceModels engine, LoadedModel model) implements Loaded {

        @Override
        public void smokeTest() throws PackageException {
            Manifest m = pkg.manifest();
            NativeSize size = m.nativeSizes().stream()
                    .min(Comparator.comparingLong(s -> (long) s.width() * s.height())).orElseThrow();
            int frames = m.frameRule().nearest(1);
            BufferedImage start = m.takesImage()
                    ? new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR) : null;
            RenderSpec spec = new RenderSpec(SMOKE_PROMPT, "", size.width(), size.height(), frames, m.fps(), 1L,
                    false, start);
            SamplerSettings oneStep = SamplerSettings.of(m.defaults()).withSteps(1);
            try {
                new DjlRender(model, oneStep).run(spec, frame -> { }, RenderControl.unlimited());
            } catch (RenderException e) {
                throw new PackageException(pkg.dir(), "the one-step smoke sample at " + size + " failed ("
                        + e.code() + "): " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
