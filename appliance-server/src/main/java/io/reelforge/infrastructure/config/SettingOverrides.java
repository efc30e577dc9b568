package io.reelforge.infrastructure.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.domain.model.settings.ApplianceSetting;
import io.reelforge.domain.model.settings.SettingChanged;
import io.reelforge.domain.model.settings.SettingRepository;

/**
 * The settings changed in the console, held in memory so a hot path (every file resolve) does not query the
 * database. Reloaded after each committed change here, so a rolled-back change never shows, and every few
 * seconds ({@code SharedStateRefresh}), so a change made on another appliance sharing the database shows too.
 * What reads a setting once (a schedule) observes {@link Reloaded} to follow a change.
 */
@ApplicationScoped
public class SettingOverrides {

    /** Fired after a reload that found these settings changed, added or removed (here or on another node). */
    public record Reloaded(Set<String> names) {
    }

    @Inject
    SettingRepository settings;

    @Inject
    Event<Reloaded> reloaded;

    private volatile Map<String, String> values;

    public Optional<String> get(String name) {
        Map<String, String> v = values;
        if (v == null) {
            v = reload();
        }
        return Optional.ofNullable(v.get(name));
    }

    /** Reads the stored settings now: at start, before any job thread needs one, then every few seconds. */
    public void load() {
        reload();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingChanged changed) {
        reload();
    }

    private synchronized Map<String, String> reload() {
        Map<String, String> before = values;
        Map<String, String> v = settings.all().stream()
                .collect(Collectors.toUnmodifiableMap(ApplianceSetting::name, ApplianceSetting::value));
        values = v;
        if (before != null && !before.equals(v)) {
            Set<String> names = new HashSet<>(before.keySet());
            names.addAll(v.keySet());
            names.removeIf(n -> java.util.Objects.equals(before.get(n), v.get(n)));
            reloaded.fire(new Reloaded(Set.copyOf(names)));
        }
        return v;
    }
}
