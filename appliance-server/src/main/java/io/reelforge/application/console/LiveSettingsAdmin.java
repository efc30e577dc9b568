package io.reelforge.application.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.EngineCatalog;
import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.settings.ApplianceSetting;
import io.reelforge.domain.model.settings.SettingChanged;
import io.reelforge.domain.model.settings.SettingRepository;
import io.reelforge.domain.model.settings.TunableSetting;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.engine.EngineStatus;
import io.reelforge.models.ModelFamily;
import io.reelforge.models.RegistryEngine;
import io.reelforge.net.AddressPolicy;

/**
 * The settings an operator changes while the appliance runs ({@link TunableSetting}): listed with their value
 * now and as configured, changed or put back to the configured value. A change is stored, so every appliance
 * sharing the database and every restart sees it, takes effect when its transaction commits and is an audit
 * line. Console users need {@code settings:read} / {@code settings:update}; the host's {@code /ops} route
 * (the {@code reelforge} command's token) may change the host-only ones too.
 */
@ApplicationScoped
@Transactional
public class LiveSettingsAdmin {

    /** A tunable setting now: {@code value} is in effect, {@code configured} applies when no change is stored. */
    public record LiveSetting(String name, String value, String configured, boolean changed, boolean hostOnly,
                              String effect, Instant updatedAt, String updatedBy) {
    }

    @Inject
    SettingRepository stored;

    @Inject
    ConfiguredSettings configuration;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    EngineCatalog engines;

    @Inject
    Event<SettingChanged> changed;

    @Inject
    Clock clock;

    /** Every tunable setting, a request rate per plan included. */
    public List<LiveSetting> list() {
        ConsoleSubject.require("settings:read");
        return all();
    }

    /** The same list for the host's {@code /ops} route (which checks its caller). */
    public List<LiveSetting> listFromHost() {
        return all();
    }

    public LiveSetting change(String name, String value) {
        String actor = ConsoleSubject.require("settings:update");
        return put(actor, tunable(name, false), value);
    }

    public LiveSetting reset(String name) {
        String actor = ConsoleSubject.require("settings:update");
        return remove(actor, tunable(name, false));
    }

    /** A change from the appliance's host, host-only settings included; {@code actor} as the ops route names it. */
    public LiveSetting changeFromHost(String actor, String name, String value) {
        return put(actor, tunable(name, true), value);
    }

    public LiveSetting resetFromHost(String actor, String name) {
        return remove(actor, tunable(name, true));
    }

    private List<LiveSetting> all() {
        List<TunableSetting> names = new ArrayList<>(TunableSetting.all());
        accounts.plans().stream().map(Plan::id).sorted().map(TunableSetting::planRate).forEach(names::add);
        return names.stream().map(this::view).toList();
    }

    private TunableSetting tunable(String name, boolean fromHost) {
        TunableSetting t = TunableSetting.named(name).orElseThrow(() -> ReelforgeException.notFound("setting", name));
        Optional<String> plan = TunableSetting.planOf(name);
        if (plan.isPresent() && accounts.plan(plan.get()).isEmpty()) {
            throw ReelforgeException.notFound("setting", name + " (there is no plan " + plan.get() + ")");
        }
        if (t.hostOnly() && !fromHost) {
            throw ReelforgeException.validation("name", "settings.host_only",
                    name + " is changed only on the appliance's host (the /ops route of the reelforge command).");
        }
        return t;
    }

    private LiveSetting put(String actor, TunableSetting t, String value) {
        String v = t.normalize(value);
        if (t.kind() == TunableSetting.Kind.ADDRESSES) {
            try {
                new AddressPolicy(t.name(), v.isEmpty() ? List.of() : List.of(v.split(",")));
            } catch (IllegalArgumentException e) {
                throw ReelforgeException.validation("value", "settings.invalid",
                        t.name() + " must be addresses or CIDR ranges separated by commas (" + e.getMessage() + ").");
            }
        }
        if (t.kind() == TunableSetting.Kind.ENGINE) {
            checkEngine(t.name(), v);
        }
        if (t.kind() == TunableSetting.Kind.MODEL_FAMILY) {
            checkFamily(t.name(), v);
        }
        LiveSetting before = view(t);
        if (!before.changed() || !Objects.equals(before.value(), v)) {
            stored.put(t.name(), v, actor, clock.instant());
            audit.record(actor, "settings:live", t.name(), shown(before.value()) + " -> " + shown(v) + " (" + t.effect() + ")");
            changed.fire(new SettingChanged(t.name()));
        }
        return new LiveSetting(t.name(), v, before.configured(), true, t.hostOnly(), t.effect(), clock.instant(), actor);
    }

    /**
     * One of this appliance's engines, and ready here: live keys switched to an engine that cannot render would get
     * 503s, and readiness (which follows the default engine) would take every node out of its load balancer.
     */
    private void checkEngine(String name, String id) {
        if (!engines.all().containsKey(id)) {
            throw ReelforgeException.validation("value", "settings.invalid", name + " must be one of the engines of this appliance: "
                    + String.join(", ", engines.all().keySet().stream().sorted().toList()) + ".");
        }
        EngineStatus status = engines.engine(id).status();
        if (!status.ready() && !engines.isDefault(id)) {
            throw ReelforgeException.validation("value", "settings.invalid", name + ": the " + id
                    + " engine is not ready on this node (" + status.detail() + "); make it ready before live keys render on it.");
        }
    }

    /**
     * A known family; while the djl engine is the default one, also a family with an active version, for the same reason
     * as {@link #checkEngine}.
     */
    private void checkFamily(String name, String id) {
        if (ModelFamily.byId(id).isEmpty()) {
            throw ReelforgeException.validation("value", "settings.invalid", name + " must be one of the model families: "
                    + String.join(", ", ModelFamily.ids()) + ".");
        }
        Optional<RegistryEngine> live = engines.modelEngine().filter(e -> engines.isDefault(e.id()));
        if (live.isPresent() && !id.equals(live.get().family().id()) && live.get().registry().flatMap(r -> r.active(id)).isEmpty()) {
            throw ReelforgeException.validation("value", "settings.invalid", name + ": " + id + " has no active version, and live"
                    + " keys render on the " + live.get().id() + " engine; import and activate a version of it first.");
        }
    }

    private LiveSetting remove(String actor, TunableSetting t) {
        LiveSetting before = view(t);
        Optional<ApplianceSetting> s = stored.find(t.name());
        if (s.isPresent()) {
            stored.remove(s.get());
            audit.record(actor, "settings:live", t.name(), shown(before.value()) + " -> " + shown(before.configured())
                    + " as configured (" + t.effect() + ")");
            changed.fire(new SettingChanged(t.name()));
        }
        return new LiveSetting(t.name(), before.configured(), before.configured(), false, t.hostOnly(), t.effect(), null, null);
    }

    private LiveSetting view(TunableSetting t) {
        String configured = configuration.configured(t.name()).orElse(null);
        Optional<ApplianceSetting> s = stored.find(t.name());
        return s.map(x -> new LiveSetting(t.name(), x.value(), configured, true, t.hostOnly(), t.effect(), x.updatedAt(), x.updatedBy()))
                .orElseGet(() -> new LiveSetting(t.name(), configured, configured, false, t.hostOnly(), t.effect(), null, null));
    }

    private static String shown(String value) {
        return value == null ? "(unset)" : value.isEmpty() ? "(empty)" : value;
    }
}
