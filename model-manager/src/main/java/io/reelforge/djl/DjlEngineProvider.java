package io.reelforge.djl;

import ai.djl.Device;
import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineProvider;
import io.reelforge.engine.EngineSettings;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Service-loader entry for the DJL engine. Settings: {@value #PACKAGE_DIR} (a model package folder,
 * required) and {@value #DEVICE} ({@code cpu}, the default, or {@code gpu}). DJL is forced offline unless
 * the JVM already says otherwise: the appliance must never try to download an engine or a model.
 */
public final class DjlEngineProvider implements EngineProvider {

    public static final String PACKAGE_DIR = "package-dir";
    public static final String DEVICE = "device";

    @Override
    public String id() {
        return DjlEngine.ID;
    }

    @Override
    public Engine create(EngineSettings settings) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        String device = settings.get(DEVICE).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("cpu");
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("djl setting " + DEVICE + " must be cpu or gpu, not '" + device + "'");
        }
        Path dir = Path.of(settings.get(PACKAGE_DIR).filter(s -> !s.isBlank()).orElse("models/active"));
        return new DjlEngine(dir, device.equals("gpu") ? Device.gpu() : Device.cpu());
    }
}
