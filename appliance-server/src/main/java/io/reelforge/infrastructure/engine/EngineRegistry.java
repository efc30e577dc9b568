package io.reelforge.infrastructure.engine;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.EngineCatalog;
import io.reelforge.domain.model.account.KeyMode;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.djl.DjlEngine;
import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.Engines;
import io.reelforge.infrastructure.config.NodeIdentity;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.models.RegistryEngine;
import io.reelforge.models.VersionStore;
import io.reelforge.remote.RemoteEngine;
import io.reelforge.remote.UpstreamEngine;

/**
 * The engines of this appliance, each built once with its settings ({@code reelforge.engine.<id>.<key>}).
 * Test keys always render on the sandbox; live keys on the configured default engine.
 */
@ApplicationScoped
public class EngineRegistry implements EngineCatalog {

    public static final String SANDBOX = "sandbox";

    @Inject
    Settings settings;

    @Inject
    VersionStore modelVersions;

    @Inject
    NodeIdentity identity;

    private Engines engines;

    /**
     * Each engine gets its {@code reelforge.engine.<id>.*} settings, this node's id, and the database-backed store of
     * model versions, which every appliance on the database shares.
     */
    @PostConstruct
    void discover() {
        engines = Engines.discover(getClass().getClassLoader(), id -> new EngineSettings() {
            @Override
            public Optional<String> get(String key) {
                return settings.optional("reelforge.engine." + id + "." + key);
            }

            @Override
            public <T> Optional<T> service(Class<T> type) {
                return type == VersionStore.class ? Optional.of(type.cast(modelVersions)) : Optional.empty();
            }

            @Override
            public Optional<String> node() {
                return Optional.of(identity.id());
            }
        });
    }

    /** Engines that hold native resources (loaded models) release them when the application stops. */
    @PreDestroy
    void close() {
        for (Engine e : engines.all().values()) {
            if (e instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ex) {
                    java.util.logging.Logger.getLogger(EngineRegistry.class.getName())
                            .warning("engine " + e.id() + " did not close cleanly: " + ex);
                }
            }
        }
    }

    @Override
    public String engineIdFor(KeyMode mode) {
        String id = mode == KeyMode.TEST ? SANDBOX : settings.defaultEngine();
        Engine e = engine(id);
        if (!e.status().ready()) {
            throw new ReelforgeException(ErrorType.UNAVAILABLE, "engine_not_ready",
                    "The " + id + " engine is not ready: " + e.status().detail());
        }
        return id;
    }

    @Override
    public Engine engine(String id) {
        return engines.find(id).orElseThrow(() -> new ReelforgeException(ErrorType.UNAVAILABLE, "engine_unavailable",
                "No engine '" + id + "' is installed on this appliance."));
    }

    /** The engine that renders from a model registry (djl), when it is installed. */
    @Override
    public Optional<RegistryEngine> modelEngine() {
        return engines.find(DjlEngine.ID).filter(RegistryEngine.class::isInstance).map(RegistryEngine.class::cast);
    }

    /** The engine that renders on upstream servers (remote), when it is installed. */
    @Override
    public Optional<UpstreamEngine> remoteEngine() {
        return engines.find(RemoteEngine.ID).filter(UpstreamEngine.class::isInstance).map(UpstreamEngine.class::cast);
    }

    /**
     * How many renders run at once: {@code reelforge.render.slots} when it is a number; with {@code auto}, the
     * default engine's own count (the djl engine: one per device), else 1.
     */
    @Override
    public int renderSlots() {
        return settings.renderSlotsSetting().orElseGet(() -> engines.find(settings.defaultEngine())
                .map(e -> e.renderSlots().orElse(1)).orElse(1));
    }

    /** Whether live keys render on this engine. */
    @Override
    public boolean isDefault(String id) {
        return id.equals(settings.defaultEngine());
    }

    @Override
    public Map<String, Engine> all() {
        return engines.all();
    }
}
