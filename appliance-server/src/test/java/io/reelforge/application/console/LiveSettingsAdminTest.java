package io.reelforge.application.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.account.Plan;
import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditRepository;
import io.reelforge.domain.model.settings.ApplianceSetting;
import io.reelforge.domain.model.settings.SettingChanged;
import io.reelforge.domain.model.settings.SettingRepository;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.engine.EngineStatus;

/**
 * Changing and putting back a run-time setting from the host: stored, audited and announced only when something
 * changed; refused with the error the route answers (404 for a name that cannot change, 422 for a bad value).
 */
class LiveSettingsAdminTest {

    private final Map<String, ApplianceSetting> rows = new HashMap<>();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final List<String> announced = new ArrayList<>();
    private LiveSettingsAdmin admin;

    @BeforeEach
    void setUp() {
        admin = new LiveSettingsAdmin();
        admin.stored = new SettingRepository() {
            @Override
            public Optional<ApplianceSetting> find(String name) {
                return Optional.ofNullable(rows.get(name));
            }

            @Override
            public List<ApplianceSetting> all() {
                return List.copyOf(rows.values());
            }

            @Override
            public void store(ApplianceSetting setting) {
                rows.put(setting.name(), setting);
            }

            @Override
            public void remove(ApplianceSetting setting) {
                rows.remove(setting.name());
            }
        };
        admin.configuration = name -> Optional.ofNullable(Map.of("reelforge.render.timeout", "PT10M",
                "reelforge.engine.sandbox.min-render-time", "PT3S").get(name));
        Plan starter = new Plan("starter", "Starter", 1000, 0, true, 90, 0);
        admin.accounts = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccountRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "plans" -> List.of(starter);
                    case "plan" -> Optional.ofNullable("starter".equals(args[0]) ? starter : null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        admin.clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
        admin.audit = new AuditLog();
        admin.audit.clock = admin.clock;
        admin.audit.entries = (AuditRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditRepository.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("append")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    audit.add((AuditEntry) args[0]);
                    return null;
                });
        admin.changed = new Announcements();
        Map<String, io.reelforge.engine.Engine> engines = Map.of("sandbox", engine("sandbox", EngineStatus.ready("cpu")),
                "djl", djl, "remote", engine("remote", new EngineStatus(false, null, "no upstream configured")));
        admin.engines = (io.reelforge.application.EngineCatalog) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.reelforge.application.EngineCatalog.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "all" -> engines;
                    case "engine" -> engines.get((String) args[0]);
                    case "isDefault" -> defaultEngine.equals(args[0]);
                    case "modelEngine" -> Optional.of(djl);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private String defaultEngine = "sandbox";

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path models;

    /** A djl engine on an empty registry (no family has an active version), rendering Wan 2.1 T2V 1.3B. */
    private final io.reelforge.models.RegistryEngine djl = (io.reelforge.models.RegistryEngine) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {io.reelforge.models.RegistryEngine.class}, (proxy, method, args) -> switch (method.getName()) {
                case "id" -> "djl";
                case "status" -> new EngineStatus(false, "cpu", "no active version of wan2.1-t2v-1.3b; import and activate one");
                case "family" -> io.reelforge.models.ModelFamily.WAN21_T2V_1_3B;
                case "registry" -> Optional.of(emptyRegistry());
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private io.reelforge.models.ModelRegistry registry;

    /** One registry over an empty models folder, opened at first use. */
    private io.reelforge.models.ModelRegistry emptyRegistry() throws io.reelforge.models.RegistryException {
        if (registry == null) {
            registry = io.reelforge.models.ModelRegistry.builder().setRoot(models)
                    .setLoader(pkg -> { throw new UnsupportedOperationException("no loads here"); }).build();
        }
        return registry;
    }

    private io.reelforge.engine.Engine engine(String id, EngineStatus status) {
        return (io.reelforge.engine.Engine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.reelforge.engine.Engine.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> id;
                    case "status" -> status;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void liveKeysAreNotSwitchedToAnEngineOrFamilyThatCannotRender() {
        ReelforgeException remote = assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.engine.default", "remote"));
        assertEquals("settings.invalid", remote.code());
        assertTrue(remote.getMessage().contains("the remote engine is not ready on this node (no upstream configured)"), remote.getMessage());
        assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.engine.default", "djl"));
        assertTrue(rows.isEmpty(), "nothing stored");

        // while the sandbox renders live keys, the djl engine's family may change freely (an operator prepares it)
        assertEquals("wan2.1-i2v-14b", admin.changeFromHost("cli", "reelforge.engine.djl.family", "wan2.1-i2v-14b").value());
        defaultEngine = "djl";
        ReelforgeException family = assertThrows(ReelforgeException.class,
                () -> admin.changeFromHost("cli", "reelforge.engine.djl.family", "wan2.2-ti2v-5b"));
        assertTrue(family.getMessage().contains("wan2.2-ti2v-5b has no active version, and live keys render on the djl engine"),
                family.getMessage());
        assertEquals("wan2.1-t2v-1.3b", admin.changeFromHost("cli", "reelforge.engine.djl.family", "wan2.1-t2v-1.3b").value(),
                "the family the engine renders now may always be named");
        assertEquals("djl", admin.changeFromHost("cli", "reelforge.engine.default", "djl").value(), "the default engine, again");
    }

    @Test
    void theDefaultEngineAndTheModelFamilyTakeOnlyWhatThisApplianceHas() {
        assertEquals("sandbox", admin.changeFromHost("cli", "reelforge.engine.default", " SANDBOX ").value());
        assertEquals("sandbox", rows.get("reelforge.engine.default").value());
        ReelforgeException engine = assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.engine.default", "gpu-farm"));
        assertEquals("settings.invalid", engine.code());
        assertTrue(engine.getMessage().contains("djl, remote, sandbox"), engine.getMessage());
        assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.engine.default", "../djl"));

        assertEquals("wan2.1-i2v-14b", admin.changeFromHost("cli", "reelforge.engine.djl.family", "wan2.1-i2v-14b").value());
        ReelforgeException family = assertThrows(ReelforgeException.class,
                () -> admin.changeFromHost("cli", "reelforge.engine.djl.family", "wan9-t2v"));
        assertEquals("settings.invalid", family.code());
        assertTrue(family.getMessage().contains("wan2.1-t2v-1.3b"), family.getMessage());
        assertEquals("wan2.1-i2v-14b", rows.get("reelforge.engine.djl.family").value(), "a refused value stores nothing");
        assertEquals(2, audit.size());
    }

    @Test
    void aChangeIsStoredAuditedAndAnnouncedOnce() {
        LiveSettingsAdmin.LiveSetting s = admin.changeFromHost("cli", "reelforge.render.timeout", " PT2S ");
        assertEquals("PT2S", s.value());
        assertEquals("PT10M", s.configured());
        assertTrue(s.changed());
        assertEquals("cli", s.updatedBy());
        assertEquals("PT2S", rows.get("reelforge.render.timeout").value());
        assertEquals(1, audit.size());
        assertEquals("settings:live", audit.get(0).action());
        assertEquals("reelforge.render.timeout", audit.get(0).target());
        assertTrue(audit.get(0).detail().startsWith("PT10M -> PT2S"), audit.get(0).detail());
        assertEquals(List.of("reelforge.render.timeout"), announced);

        admin.changeFromHost("cli", "reelforge.render.timeout", "PT2S");
        assertEquals(1, audit.size(), "the same value again changes nothing");

        LiveSettingsAdmin.LiveSetting back = admin.resetFromHost("cli", "reelforge.render.timeout");
        assertEquals("PT10M", back.value());
        assertFalse(back.changed());
        assertNull(back.updatedAt());
        assertTrue(rows.isEmpty());
        assertTrue(audit.get(1).detail().startsWith("PT2S -> PT10M as configured"), audit.get(1).detail());
        assertEquals(2, announced.size());
        admin.resetFromHost("cli", "reelforge.render.timeout");
        assertEquals(2, audit.size(), "nothing to put back");
    }

    @Test
    void unknownNamesAndPlansAreNotFoundAndBadValuesAreInvalid() {
        ReelforgeException unknown = assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.data-dir", "/tmp"));
        assertEquals("setting.not_found", unknown.code());
        ReelforgeException noPlan = assertThrows(ReelforgeException.class,
                () -> admin.changeFromHost("cli", "reelforge.ratelimit.requests-per-minute.platinum", "8"));
        assertEquals("setting.not_found", noPlan.code());
        assertEquals("8", admin.changeFromHost("cli", "reelforge.ratelimit.requests-per-minute.starter", "8").value());
        ReelforgeException bad = assertThrows(ReelforgeException.class, () -> admin.changeFromHost("cli", "reelforge.render.slots", "0"));
        assertEquals("settings.invalid", bad.code());
        ReelforgeException address = assertThrows(ReelforgeException.class,
                () -> admin.changeFromHost("cli", "reelforge.webhooks.allow-addresses", "127.0.0.1,not an address"));
        assertEquals("settings.invalid", address.code());
        assertEquals("value", address.param());
        assertEquals(1, rows.size(), "nothing refused was stored");
    }

    @Test
    void everySettingIsListedWithARatePerPlan() {
        List<LiveSettingsAdmin.LiveSetting> all = admin.listFromHost();
        assertTrue(all.stream().anyMatch(s -> s.name().equals("reelforge.ratelimit.requests-per-minute.starter") && s.value() == null));
        LiveSettingsAdmin.LiveSetting pace = all.stream().filter(s -> s.name().equals("reelforge.engine.sandbox.min-render-time"))
                .findFirst().orElseThrow();
        assertTrue(pace.hostOnly());
        assertEquals("PT3S", pace.value());
        assertEquals("PT0S", admin.changeFromHost("cli", "reelforge.engine.sandbox.min-render-time", "PT0S").value(),
                "the host may change the host-only pacing");
    }

    private final class Announcements implements Event<SettingChanged> {
        @Override
        public void fire(SettingChanged event) {
            announced.add(event.name());
        }

        @Override
        public <U extends SettingChanged> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SettingChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<SettingChanged> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SettingChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends SettingChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
