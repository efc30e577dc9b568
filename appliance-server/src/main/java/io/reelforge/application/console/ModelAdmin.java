package io.reelforge.application.console;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.EngineCatalog;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineStatus;
import io.reelforge.models.Manifest;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.ModelRegistry;
import io.reelforge.models.ModelVersion;
import io.reelforge.models.RegistryEngine;
import io.reelforge.models.RegistryException;

/**
 * The engines and the djl engine's model versions, for the admin API and the console's Models page: list,
 * import (a server path under the import dir, or an upload: the API's multipart part or the console's Upload,
 * both streamed through {@link ModelImports}), activate, roll back, remove. Every call checks the
 * console user's {@code models:*} permission; every change is audited. Not transactional: an import runs for
 * minutes and each audit line commits on its own.
 */
@ApplicationScoped
public class ModelAdmin {

    /** An engine and, for the djl engine, the family it renders and that family's active version. */
    public record EngineRow(String id, boolean ready, boolean defaultEngine, String device, String detail,
                            String family, String activeVersion) {
    }

    /** A model version; {@code nativeSizes}, {@code fps} and {@code steps} come from its manifest when readable. */
    public record VersionRow(String family, String version, String name, String status, String reason,
                             Instant importedAt, boolean active, boolean previous, List<String> nativeSizes,
                             Integer fps, Integer steps) {
    }

    @Inject
    EngineCatalog engines;

    @Inject
    ModelImports imports;

    @Inject
    AuditLog audit;

    public List<EngineRow> engines() {
        ConsoleSubject.require("models:read");
        return engines.all().values().stream().map(this::engineRow).toList();
    }

    /** Every family's versions; none when the djl engine or its registry is missing ({@link #engines()} says why). */
    public List<VersionRow> versions() {
        ConsoleSubject.require("models:read");
        return engines.modelEngine().flatMap(RegistryEngine::registry)
                .map(r -> r.versions().stream().map(v -> row(r, v)).toList()).orElse(List.of());
    }

    public VersionRow version(String family, String version) {
        ConsoleSubject.require("models:read");
        ModelRegistry registry = registry();
        return row(registry, registry.version(knownFamily(family), version).orElseThrow(() -> unknown(family, version)));
    }

    /** Imports the package folder or archive at {@code path} (under the import dir); answers once it is PENDING. */
    public VersionRow importFrom(String path) {
        String actor = ConsoleSubject.require("models:import");
        ModelRegistry registry = registry();
        return row(registry, imports.fromPath(registry, path, actor));
    }

    /** Imports an uploaded .zip or .tar; answers once it is PENDING, verification goes on in the background. */
    public VersionRow importUpload(InputStream content, String filename) throws java.io.IOException {
        String actor = ConsoleSubject.require("models:import");
        ModelRegistry registry = registry();
        return row(registry, imports.fromUpload(registry, content, filename, actor));
    }

    /** The largest package {@link #importUpload} takes, in bytes. */
    public long uploadMaxBytes() {
        ConsoleSubject.require("models:read");
        return imports.maxUploadBytes();
    }

    public VersionRow activate(String family, String version) {
        String actor = ConsoleSubject.require("models:activate");
        ModelRegistry registry = registry();
        String before = registry.active(knownFamily(family)).map(ModelVersion::version).orElse(null);
        call(() -> {
            registry.activate(family, version);
            return null;
        });
        audit.record(actor, "models:activate", family + "/" + version, before == null ? null : "was " + before);
        return version(registry, family, version);
    }

    /** Re-activates the version active before the current one; returns it. */
    public VersionRow rollback(String family) {
        String actor = ConsoleSubject.require("models:activate");
        ModelRegistry registry = registry();
        String before = registry.active(knownFamily(family)).map(ModelVersion::version).orElse(null);
        ModelVersion back = call(() -> registry.rollback(family));
        audit.record(actor, "models:rollback", family + "/" + back.version(), before == null ? null : "was " + before);
        return version(registry, family, back.version());
    }

    public void remove(String family, String version) {
        String actor = ConsoleSubject.require("models:remove");
        ModelRegistry registry = registry();
        ModelVersion v = registry.version(knownFamily(family), version).orElseThrow(() -> unknown(family, version));
        call(() -> {
            registry.remove(family, version);
            return null;
        });
        audit.record(actor, "models:remove", family + "/" + version, v.state().name());
    }

    private EngineRow engineRow(Engine e) {
        EngineStatus s = e.status();
        Optional<RegistryEngine> djl = e instanceof RegistryEngine d ? Optional.of(d) : Optional.empty();
        String family = djl.map(d -> d.family().id()).orElse(null);
        String active = djl.flatMap(RegistryEngine::registry).flatMap(r -> r.active(family)).map(ModelVersion::version)
                .orElse(null);
        return new EngineRow(e.id(), s.ready(), engines.isDefault(e.id()), s.device(), s.detail(), family, active);
    }

    private VersionRow version(ModelRegistry registry, String family, String version) {
        return row(registry, registry.version(family, version).orElseThrow(() -> unknown(family, version)));
    }

    private static VersionRow row(ModelRegistry registry, ModelVersion v) {
        Optional<Manifest> m = registry.manifest(v.family(), v.version());
        boolean active = registry.active(v.family()).filter(v::equals).isPresent();
        boolean previous = registry.previous(v.family()).filter(v::equals).isPresent();
        return new VersionRow(v.family(), v.version(), m.map(Manifest::name).orElse(null),
                v.state().name().toLowerCase(Locale.ROOT), v.reason(),
                v.importedAt() == null ? null : Instant.parse(v.importedAt()), active, previous,
                m.map(x -> x.nativeSizes().stream().map(s -> s.width() + "x" + s.height()).toList()).orElse(List.of()),
                m.map(Manifest::fps).orElse(null), m.map(x -> x.defaults().steps()).orElse(null));
    }

    private ModelRegistry registry() {
        RegistryEngine djl = engines.modelEngine().orElseThrow(() -> new ReelforgeException(ErrorType.UNAVAILABLE,
                "model_registry_unavailable", "The djl engine is not installed on this appliance."));
        return djl.registry().orElseThrow(() -> new ReelforgeException(ErrorType.UNAVAILABLE,
                "model_registry_unavailable", djl.status().detail()));
    }

    private static String knownFamily(String family) {
        if (ModelFamily.byId(family).isEmpty()) {
            throw new ReelforgeException(ErrorType.NOT_FOUND, "family.unknown", "No model family '" + family
                    + "'; known: " + ModelFamily.ids());
        }
        return family;
    }

    private static ReelforgeException unknown(String family, String version) {
        return new ReelforgeException(ErrorType.NOT_FOUND, "version.unknown",
                "No version " + version + " of " + family + " in the registry.");
    }

    private static <T> T call(RegistryCall<T> call) {
        try {
            return call.run();
        } catch (RegistryException e) {
            throw RegistryErrors.translate(e);
        }
    }

    @FunctionalInterface
    private interface RegistryCall<T> {
        T run() throws RegistryException;
    }
}
