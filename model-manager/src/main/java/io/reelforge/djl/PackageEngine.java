package io.reelforge.djl;

import ai.djl.Device;
import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineStatus;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.ModelPackage;
import io.reelforge.models.PackageException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders with one model package on DJL's PyTorch engine: the engine of one registry version (built by
 * {@link DjlVersionLoader}), or of a package folder opened directly (benchmarks, tests). The package is
 * verified and loaded in the constructor and stays resident; a package that fails leaves the engine not
 * ready with the reason in {@link #status()}, never an exception. The appliance's {@code djl} engine is
 * {@link DjlEngine}, which leases these from the model registry.
 */
public final class PackageEngine implements Engine, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PackageEngine.class.getName());

    private final String deviceName;
    private final LoadedModel model;
    private final String failure;
    private final long loadMillis;

    public PackageEngine(Path packageDir, Device device) {
        this.deviceName = device.getDeviceType();
        long start = System.nanoTime();
        LoadedModel loaded = null;
        String why = null;
        try {
            loaded = LoadedModel.load(ModelPackage.open(packageDir), device);
        } catch (PackageException e) {
            why = "model package " + packageDir + " refused: " + e.getMessage();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            why = "DJL PyTorch engine cannot start on " + device + ": " + e;
        }
        if (why != null) {
            LOG.log(Level.WARNING, why);
        }
        this.model = loaded;
        this.failure = why;
        this.loadMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public String id() {
        return DjlEngine.ID;
    }

    @Override
    public EngineStatus status() {
        return model != null ? EngineStatus.ready(deviceName) : EngineStatus.notReady(deviceName, failure);
    }

    /** A package renders from an image if and only if its family is image-to-video. */
    @Override
    public ImageSupport imageSupport() {
        return model == null ? ImageSupport.optional(DjlEngine.ID) : imageSupport(model);
    }

    static ImageSupport imageSupport(LoadedModel model) {
        ModelFamily family = model.manifest().family();
        return DjlEngine.imageSupport(model.manifest(), model.manifest().name() + " (" + family.title() + ")");
    }

    /** How long verifying and loading the package took. */
    public long loadMillis() {
        return loadMillis;
    }

    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        if (model == null) {
            throw new RenderException("render.unavailable", failure);
        }
        return render(model, spec, sink, control);
    }

    /** Renders with {@code model}'s manifest defaults, refusing a request of the other kind (image or text). */
    static RenderReport render(LoadedModel model, RenderSpec spec, FrameSink sink, RenderControl control)
            throws RenderException {
        ModelFamily family = model.manifest().family();
        if (!imageSupport(model).accepts(spec.startImage().isPresent())) {
            throw new RenderException("render.unsupported", family.needsImage()
                    ? family.title() + " needs a start image"
                    : "image-to-video is not supported by " + family.title() + (family.imageOptional()
                    ? " packages without an image_encoder; export this one again with this release's script" : ""));
        }
        return new DjlRender(model, SamplerSettings.of(model.manifest().defaults())).run(spec, sink, control);
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
        }
    }
}
