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
import io.reelforge.models.ModelPackage;
import io.reelforge.models.PackageException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registry version's components on every device that has rendered it: loaded on the first device of the
 * list when the version loads (verification and the smoke test run there), and on another device the first
 * time a render pinned to that device uses the version. Each device has its own copy of the weights; closing
 * frees them all. The engine a {@link io.reelforge.models.ModelLease} hands to {@link DjlEngine}.
 */
final class DeviceModels implements Engine, AutoCloseable {

    private final ModelPackage pkg;
    private final Device first;
    private final LoadedModel onFirst;
    private final Map<Device, LoadedModel> models = new LinkedHashMap<>();
    private boolean closed;

    DeviceModels(ModelPackage pkg, Device first, LoadedModel onFirst) {
        this.pkg = pkg;
        this.first = first;
        this.onFirst = onFirst;
        models.put(first, onFirst);
    }

    @Override
    public String id() {
        return DjlEngine.ID;
    }

    @Override
    public EngineStatus status() {
        return EngineStatus.ready(first.getDeviceType());
    }

    @Override
    public ImageSupport imageSupport() {
        return PackageEngine.imageSupport(onFirst);
    }

    /** Renders on the first device. */
    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        return render(first, spec, sink, control);
    }

    /** Renders on {@code device}, loading the version there first if no render used it there yet. */
    RenderReport render(Device device, RenderSpec spec, FrameSink sink, RenderControl control)
            throws RenderException {
        return PackageEngine.render(on(device), spec, sink, control);
    }

    private synchronized LoadedModel on(Device device) throws RenderException {
        if (closed) {
            throw new RenderException("render.unavailable", pkg.manifest().name() + " was unloaded");
        }
        LoadedModel model = models.get(device);
        if (model == null) {
            try {
                model = LoadedModel.load(pkg, device);
            } catch (PackageException | RuntimeException | UnsatisfiedLinkError e) {
                throw new RenderException("render.unavailable", "cannot load " + pkg.manifest().name() + " on "
                        + device + ": " + e.getMessage(), e);
            }
            models.put(device, model);
        }
        return model;
    }

    @Override
    public synchronized void close() {
        closed = true;
        models.values().forEach(LoadedModel::close);
        models.clear();
    }
}
