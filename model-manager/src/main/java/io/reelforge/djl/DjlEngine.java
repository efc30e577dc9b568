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
import io.reelforge.models.ModelLease;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.RegistryException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code djl} engine: renders with the active version of one model family in the model registry it
 * owns. Each render leases the version that is active when it starts and keeps it to the end, so
 * {@link ModelRegistry#activate} and {@link ModelRegistry#rollback} on {@link #registry()} take effect for
 * the next render without a restart while renders in flight finish on their version. A registry that cannot
 * be opened, or a family with no active version, leaves the engine not ready with the reason in
 * {@link #status()}, never an exception.
 */
public final class DjlEngine implements Engine, AutoCloseable {

    public static final String ID = "djl";
    private static final Logger LOG = Logger.getLogger(DjlEngine.class.getName());

    private final ModelRegistry registry;
    private final ModelFamily family;
    private final String deviceName;
    private final String failure;

    /** Serves {@code family}'s active version of {@code registry}; closing the engine closes the registry. */
    public DjlEngine(ModelRegistry registry, ModelFamily family, Device device) {
        this(registry, family, device.getDeviceType(), null);
    }

    private DjlEngine(ModelRegistry registry, ModelFamily family, String deviceName, String failure) {
        this.registry = registry;
        this.family = family;
        this.deviceName = deviceName;
        this.failure = failure;
    }

    /** Opens the registry in {@code modelsDir}, loading versions with {@link DjlVersionLoader} on {@code device}. */
    public static DjlEngine open(Path modelsDir, ModelFamily family, Device device) {
        try {
            ModelRegistry registry = ModelRegistry.builder().setRoot(modelsDir)
                    .setLoader(new DjlVersionLoader(device)).build();
            return new DjlEngine(registry, family, device);
        } catch (RegistryException e) {
            String why = "the model registry in " + modelsDir.toAbsolutePath() + " cannot be opened: " + e.getMessage();
            LOG.log(Level.WARNING, why, e);
            return new DjlEngine(null, family, device.getDeviceType(), why);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The registry this engine renders from, for import, activate and rollback; empty if it could not open. */
    public Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** The family whose active version renders. */
    public ModelFamily family() {
        return family;
    }

    @Override
    public EngineStatus status() {
        if (registry == null) {
            return EngineStatus.notReady(deviceName, failure);
        }
        return registry.active(family.id())
                .map(v -> new EngineStatus(true, deviceName, "ready: " + v.family() + "/" + v.version()))
                .orElseGet(() -> EngineStatus.notReady(deviceName, noActiveVersion()));
    }

    /**
     * The configured family decides: an image-to-video family needs a start image, a text-to-video one takes
     * none. Named after the version active now, which a render starting now would lease.
     */
    @Override
    public ImageSupport imageSupport() {
        String version = registry().flatMap(r -> r.active(family.id())).map(v -> v.family() + "/" + v.version())
                .orElse(family.id());
        return imageSupport(family, version + " (" + family.title() + ")");
    }

    static ImageSupport imageSupport(ModelFamily family, String model) {
        return new ImageSupport(family.needsImage() ? ImageSupport.Mode.REQUIRED : ImageSupport.Mode.NONE, model);
    }

    /** Renders on the version active now; the report names that version even if another is activated meanwhile. */
    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        try (ModelLease lease = lease()) {
            RenderReport done = lease.engine().render(spec, sink, control);
            return new RenderReport(done.model(), lease.version().version(), done.nativeWidth(), done.nativeHeight(),
                    done.steps(), done.upscaled());
        }
    }

    /** Unloads every version; for shutdown, after the last render. */
    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
    }

    private ModelLease lease() throws RenderException {
        if (registry == null) {
            throw new RenderException("render.unavailable", failure);
        }
        try {
            return registry.lease(family.id());
        } catch (RegistryException e) {
            String why = e.code().equals("family.no_active") ? noActiveVersion() : e.getMessage();
            throw new RenderException("render.unavailable", why, e);
        }
    }

    private String noActiveVersion() {
        return "no active version of " + family.id() + "; import and activate one";
    }
}
