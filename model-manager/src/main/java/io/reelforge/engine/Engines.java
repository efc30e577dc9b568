package io.reelforge.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The engines found on the class path, by id, each built once with its own settings. */
public final class Engines {

    private final Map<String, Engine> byId = new LinkedHashMap<>();

    private Engines(List<Engine> engines) {
        for (Engine e : engines) {
            byId.putIfAbsent(e.id(), e);
        }
    }

    /**
     * Builds every engine whose provider is on the class path.
     *
     * @param settingsFor the settings of one engine, by engine id
     */
    public static Engines discover(ClassLoader loader, Function<String, EngineSettings> settingsFor) {
        List<Engine> engines = ServiceLoader.load(EngineProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .map(p -> p.create(settingsFor.apply(p.id())))
                .toList();
        return new Engines(engines);
    }

    public static Engines of(Engine... engines) {
        return new Engines(List.of(engines));
    }

    public Optional<Engine> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Map<String, Engine> all() {
        return Map.copyOf(byId);
    }
}
