package io.reelforge.djl;

import io.reelforge.engine.EngineStatus;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderDeferredException;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.Manifest;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.ModelLease;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.ModelVersion;
import io.reelforge.models.RegistryEngine;
import io.reelforge.models.RegistryException;
import io.reelforge.models.VersionStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code djl} engine: renders with the active version of one model family (read again for each render and
 * each question, so a change of the family setting at run time takes effect for the next render) in the model
 * registry it owns, on a list of devices with one render at a time on each ({@link DeviceSlots}). Each render takes a free
 * device and keeps it to the end, and leases the version that is active when it starts, so
 * {@link ModelRegistry#activate} and {@link ModelRegistry#rollback} on {@link #registry()} take effect for
 * the next render without a restart while renders in flight finish on their version. A registry that cannot
 * be opened, a family with no active version, or a device this machine lacks leaves the engine not ready with
 * the reason in {@link #status()}, never an exception.
 */
public final class DjlEngine implements RegistryEngine, AutoCloseable {

    public static final String ID = "djl";
    private static final Logger LOG = Logger.getLogger(DjlEngine.class.getName());
    /** How long a render waits for a device before it goes back to the queue (only when slots exceed devices). */
    private static final Duration DEVICE_PATIENCE = Duration.ofSeconds(2);

    private final ModelRegistry registry;
    private final Supplier<ModelFamily> family;
    private final DeviceSlots devices;
    private final TorchRuntime runtime;
    private final String failure;

    private DjlEngine(ModelRegistry registry, Supplier<ModelFamily> family, DeviceSlots devices, TorchRuntime runtime,
            String failure) {
        this.registry = registry;
        this.family = family;
        this.devices = devices;
        this.runtime = runtime;
        this.failure = failure;
    }

    /**
     * Opens the registry in {@code modelsDir}, verifying versions with {@link DjlVersionLoader} on the first of
     * {@code devices} and rendering on all of them; {@code runtime} says which GPUs exist here.
     */
    static DjlEngine open(Path modelsDir, ModelFamily family, DeviceSlots devices, TorchRuntime runtime) {
        return open(modelsDir, null, null, () -> family, devices, runtime);
    }

    /**
     * As above, keeping versions and pointers in {@code store} (null: a file in {@code modelsDir}) for the appliance
     * node {@code node} (null outside a cluster), rendering the family {@code family} names at each render.
     */
    static DjlEngine open(Path modelsDir, VersionStore store, String node, Supplier<ModelFamily> family,
            DeviceSlots devices, TorchRuntime runtime) {
        String problem = runtime.gpuProblem(devices);
        if (problem != null) {
            LOG.warning("djl engine not ready: " + problem);
            return new DjlEngine(null, family, devices, runtime, problem);
        }
        try {
            ModelRegistry registry = ModelRegistry.builder().setRoot(modelsDir)
                    .setLoader(new DjlVersionLoader(devices.first())).optStore(store).optNode(node).build();
            return new DjlEngine(registry, family, devices, runtime, null);
        } catch (RegistryException e) {
            String why = "the model registry in " + modelsDir.toAbsolutePath() + " cannot be opened: " + e.getMessage();
            LOG.log(Level.WARNING, why, e);
            return new DjlEngine(null, family, devices, runtime, why);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** The registry this engine renders from, for import, activate and rollback; empty if it could not open. */
    @Override
    public Optional<ModelRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** The family whose active version renders now. */
    @Override
    public ModelFamily family() {
        return family.get();
    }

    /** One render slot per device. */
    @Override
    public OptionalInt renderSlots() {
        return OptionalInt.of(devices.size());
    }

    /**
     * {@code device} lists the devices ({@code gpu0,gpu1}); {@code detail} starts with {@code ready: <version>}
     * or the reason it is not ready, then each device's occupancy, the CUDA runtime and libtorch in use, and why
     * no GPU is used when none is.
     */
    @Override
    public EngineStatus status() {
        String state;
        boolean ready = false;
        if (registry == null) {
            state = failure;
        } else {
            ModelFamily f = family.get();
            Optional<String> active = registry.active(f.id()).map(v -> v.family() + "/" + v.version());
            ready = active.isPresent();
            state = active.map(v -> "ready: " + v).orElseGet(() -> noActiveVersion(f));
        }
        String idle = runtime.idleGpuNote(devices);
        String detail = state + "; devices: " + devices.occupancy() + "; " + runtime.describe()
                + (idle == null ? "" : "; " + idle);
        return new EngineStatus(ready, devices.names(), detail);
    }

    /**
     * The configured family decides: an image-to-video family needs a start image, a text-to-video one takes
     * none, and an image-optional one (Wan 2.2 TI2V 5B) takes one if the version active now carries an image encoder.
     * Named after the version active now, which a render starting now would lease.
     */
    @Override
    public ImageSupport imageSupport() {
        ModelFamily family = this.family.get();
        Optional<ModelVersion> active = registry().flatMap(r -> r.active(family.id()));
        String model = active.map(v -> v.family() + "/" + v.version()).orElse(family.id()) + " (" + family.title() + ")";
        Optional<Manifest> manifest = family.imageOptional()
                ? active.flatMap(v -> registry.manifest(v.family(), v.version())) : Optional.empty();
        return manifest.map(m -> imageSupport(m, model)).orElseGet(() -> new ImageSupport(
                family.needsImage() ? ImageSupport.Mode.REQUIRED : ImageSupport.Mode.NONE, model));
    }

    /** What a package with {@code manifest} does with a start image ({@link Manifest#takesImage()}). */
    static ImageSupport imageSupport(Manifest manifest, String model) {
        return new ImageSupport(manifest.family().needsImage() ? ImageSupport.Mode.REQUIRED
                : manifest.takesImage() ? ImageSupport.Mode.OPTIONAL : ImageSupport.Mode.NONE, model);
    }

    /**
     * Renders on a free device with the version active now; the report names that version even if another is
     * activated meanwhile. With every device busy (more render slots configured than devices) the job goes back
     * to the queue after a short wait.
     */
    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        if (registry == null) {
            throw new RenderException("render.unavailable", failure);
        }
        try (DeviceSlots.Held device = takeDevice(); ModelLease lease = lease()) {
            if (!(lease.engine() instanceof DeviceModels models)) {
                throw new IllegalStateException("the registry's loader is not DJL's: " + lease.engine());
            }
            LOG.fine(() -> "rendering " + lease.version().family() + "/" + lease.version().version() + " on "
                    + device.slot().name());
            RenderReport done = models.render(device.slot().device(), spec, sink, control);
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

    /** The slots, for tests that watch which device each render holds. */
    DeviceSlots devices() {
        return devices;
    }

    private DeviceSlots.Held takeDevice() throws RenderException {
        try {
            return devices.acquire(DEVICE_PATIENCE).orElseThrow(() -> new RenderDeferredException("all "
                    + devices.size() + " devices of the djl engine are busy (" + devices.names()
                    + "); set reelforge.render.slots to auto or to at most their count"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderCancelledException("render.canceled", "interrupted while waiting for a device");
        }
    }

    /** Leases the active version of the family named now; another family's loaded version unloads when idle. */
    private ModelLease lease() throws RenderException {
        ModelFamily f = family.get();
        registry.serve(f.id());
        try {
            return registry.lease(f.id());
        } catch (RegistryException e) {
            String why = e.code().equals("family.no_active") ? noActiveVersion(f) : e.getMessage();
            throw new RenderException("render.unavailable", why, e);
        }
    }

    private static String noActiveVersion(ModelFamily f) {
        return "no active version of " + f.id() + "; import and activate one";
    }
}
