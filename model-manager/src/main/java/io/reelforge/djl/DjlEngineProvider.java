package io.reelforge.djl;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineProvider;
import io.reelforge.engine.EngineSettings;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.VersionStore;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Service-loader entry for the DJL engine. Settings: {@value #MODELS_DIR} (the model registry's root,
 * {@value #DEFAULT_MODELS_DIR} relative to the working directory by default), {@value #FAMILY} (the family
 * whose active version renders, {@code wan2.1-t2v-1.3b} by default; read at each render, so a change takes effect
 * without a restart) and {@value #DEVICES}, the devices renders run
 * on, one at a time on each ({@code gpu0,gpu1}; {@code cpu} by default, or the older single {@value #DEVICE}
 * setting, {@code cpu} or {@code gpu}); a device name or family it does not know is refused, a GPU this machine
 * lacks leaves the engine not ready. DJL is forced offline unless the
 * JVM already says otherwise: the appliance must never try to download an engine or a model. {@value #CACHE_DIR}
 * is where DJL unpacks libtorch (about 430 MB) unless {@code ENGINE_CACHE_DIR} / {@code DJL_CACHE_DIR} say
 * otherwise; without either DJL uses the user's home. The registry keeps its versions and pointers in the
 * {@link VersionStore} the host hands over ({@link EngineSettings#service}; the appliance's database), else in a file
 * under the models dir.
 */
public final class DjlEngineProvider implements EngineProvider {

    public static final String MODELS_DIR = "models-dir";
    public static final String FAMILY = "family";
    public static final String DEVICE = "device";
    public static final String DEVICES = "devices";
    public static final String CACHE_DIR = "cache-dir";
    public static final String DEFAULT_MODELS_DIR = "models";
    public static final ModelFamily DEFAULT_FAMILY = ModelFamily.WAN21_T2V_1_3B;

    @Override
    public String id() {
        return DjlEngine.ID;
    }

    @Override
    public Engine create(EngineSettings settings) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        settings.get(CACHE_DIR).map(String::trim).filter(s -> !s.isEmpty()).ifPresent(dir -> {
            for (String key : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
                if (System.getProperty(key) == null && System.getenv(key) == null) {
                    System.setProperty(key, Path.of(dir).toAbsolutePath().toString());
                }
            }
        });
        String device = settings.get(DEVICE).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("cpu");
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("djl setting " + DEVICE + " must be cpu or gpu, not '" + device + "'");
        }
        DeviceSlots devices = DeviceSlots.parse(settings.get(DEVICES).filter(s -> !s.isBlank()).orElse(device));
        family(settings); // a family it does not know is refused at start-up
        Path root = Path.of(settings.get(MODELS_DIR).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_MODELS_DIR));
        return DjlEngine.open(root, settings.service(VersionStore.class).orElse(null), settings.node().orElse(null),
                () -> family(settings), devices, TorchRuntime.detect());
    }

    /**
     * The family named now: the setting is read again at each render, as an operator may change it while the
     * appliance runs (the appliance checks a new value before it stores it).
     */
    private static ModelFamily family(EngineSettings settings) {
        String familyId = settings.get(FAMILY).map(String::trim).filter(s -> !s.isEmpty()).orElse(DEFAULT_FAMILY.id());
        return ModelFamily.byId(familyId).orElseThrow(() -> new IllegalArgumentException(
                "djl setting " + FAMILY + " must be one of " + ModelFamily.ids() + ", not '" + familyId + "'"));
    }
}
