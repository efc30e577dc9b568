package io.reelforge.infrastructure.config;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.domain.model.settings.ApplianceSetting;
import io.reelforge.domain.model.settings.SettingRepository;

/**
 * The settings changed in the console, held in memory so a hot path (every file resolve) does not query the
 * database. Reloaded after each committed change here, so a rolled-back change never shows, and every few
 * seconds ({@code SharedStateRefresh}), so a change made on another appliance sharing the database shows too.
 */
@ApplicationScoped
public class SettingOverrides {

    /** Fired by whoever changes a setting; the reload happens once the transaction has committed. */
    public record Changed(String name) {
    }

    @Inject
    SettingRepository settings;

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

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        reload();
    }

    private Map<String, String> reload() {
        Map<String, String> v = settings.all().stream()
                .collect(Collectors.toUnmodifiableMap(ApplianceSetting::name, ApplianceSetting::value));
        values = v;
        return v;
    }
}
