package io.reelforge.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One appliance with default settings, shared by the test classes that need no special settings (a boot
 * costs seconds), and by those that need a plain appliance beside their own: SharedModelsIT's upstream, ClusterIT's
 * first appliance on a Derby data folder. Renders are paced to 3 s so jobs can be caught while queued or processing.
 *
 * <p>A class that needs an account of its own (another plan, another balance) gets one from {@link #account},
 * made through the admin API as an operator's provisioning script would, instead of a boot with other
 * {@code demo.*} settings.
 *
 * <p>A class that needs other settings changes them at run time ({@link #change}) in its {@code @BeforeAll} and
 * puts them back ({@link #reset}) in its {@code @AfterAll}, as an operator would, instead of a boot of its own.
 *
 * <p>The black-box classes run in parallel (packaging's {@code junit-platform.properties}), but those on the shared
 * appliance are its lane: each is {@code @Execution(ExecutionMode.SAME_THREAD)}, so they run one after another on
 * the thread that started the run, beside the classes with appliances of their own on the other threads. No class
 * sees another's settings, the demo account's balance or its jobs. A test of another class that only looks at the
 * shared appliance from outside (ClusterIT: a second start on its data folder, refused) is {@link LooksOnly}.
 * {@link #get} refuses any other caller.
 */
final class SharedAppliance {

    /** The console admin that makes the test classes' accounts: not the first admin, whose forced password change OpenApiIT tests. */
    private static final String PROVISIONER = "it-provisioner";
    private static final String PROVISIONER_PASSWORD = "it provisioner password 42";
    /** The shared appliance's render pacing, a host-only setting: changed through {@code /ops}, not the admin API. */
    static final String SANDBOX_PACE = "engine.sandbox.min-render-time";

    /** A test method outside the lane that uses the shared appliance without changing anything on it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface LooksOnly {
    }

    private static Appliance instance;
    private static Api provisioner;

    /**
     * An account of one test class on the shared appliance: its id, a client with each of its two keys, and the live
     * key itself (for a test that hands it on, as a consumer appliance's upstream key).
     */
    record Account(String id, Api live, Api test, String liveKey) {
    }

    private SharedAppliance() {
    }

    static synchronized Appliance get() throws Exception {
        requireLane();
        if (instance == null) {
            instance = Appliance.start("shared", Map.of("engine.sandbox.min-render-time", "PT3S"));
            Appliance a = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    a.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return instance;
    }

    /**
     * A new account on the shared appliance, made through {@code POST /v1/admin/accounts} with these fields
     * ({@code plan}, {@code max_concurrent_jobs}, ...; its name is {@code name} and a suffix), with a live and a test
     * key ({@code POST /v1/admin/accounts/{id}/keys}). It starts with its plan's first grant, as the seeded demo account.
     */
    static Account account(String name, Map<String, Object> fields) throws Exception {
        Api admin = provisioner();
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("name", name + " " + UUID.randomUUID().toString().substring(0, 8));
        Api.Resp created = admin.postJson("/v1/admin/accounts", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create account " + body + ": " + created.status() + " " + created.text());
        }
        String id = created.json().path("id").asText();
        String live = key(admin, id, "live");
        return new Account(id, get().api().withKey(live), get().api().withKey(key(admin, id, "test")), live);
    }

    /**
     * Sets an account's balance by an adjustment through the admin API ({@code POST /v1/admin/accounts/{id}/credits},
     * as an operator corrects one), e.g. to start a test with as few credits as a {@code demo.grant} would give.
     */
    static void setBalance(Account account, long balance) throws Exception {
        long now = account.live().balance();
        if (now == balance) {
            return;
        }
        Api.Resp r = provisioner().postJson("/v1/admin/accounts/" + account.id() + "/credits",
                Map.of("amount", balance - now, "reason", "test set-up: start at " + balance + " credits"));
        if (r.status() != 200 || r.json().path("balance").asLong() != balance) {
            throw new IllegalStateException("could not set the balance of " + account.id() + " to " + balance + ": " + r.status() + " " + r.text());
        }
    }

    /**
     * Changes settings (names without the {@code reelforge.} prefix) while the shared appliance runs: through
     * {@code PUT /v1/admin/settings/live/{name}} as a console admin, the sandbox pacing through the host's
     * {@code PUT /ops/settings/{name}}. Each is in effect when the call returns.
     */
    static void change(Map<String, String> settings) throws Exception {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String name = "reelforge." + e.getKey();
            Api.Resp r = SANDBOX_PACE.equals(e.getKey())
                    ? get().ops().putJson("/ops/settings/" + name, Map.of("value", e.getValue()))
                    : provisioner().putJson("/v1/admin/settings/live/" + name, Map.of("value", e.getValue()));
            if (r.status() != 200 || !r.json().path("changed").asBoolean()) {
                throw new IllegalStateException("could not set " + name + " to " + e.getValue() + ": " + r.status() + " " + r.text());
            }
        }
    }

    /** Puts these settings back to the shared appliance's configured values ({@code DELETE} of what {@link #change} did). */
    static void reset(java.util.Collection<String> names) throws Exception {
        for (String n : names) {
            String name = "reelforge." + n;
            Api.Resp r = SANDBOX_PACE.equals(n) ? get().ops().delete("/ops/settings/" + name)
                    : provisioner().delete("/v1/admin/settings/live/" + name);
            if (r.status() != 200 || r.json().path("changed").asBoolean()) {
                throw new IllegalStateException("could not put " + name + " back: " + r.status() + " " + r.text());
            }
        }
    }

    /**
     * A class's set-up on the shared appliance: its own account on the Starter plan (with these further fields),
     * then its settings {@linkplain #change changed}. {@link #tearDown} undoes it.
     */
    static Account setUp(String name, Map<String, Object> fields, Map<String, String> settings) throws Exception {
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("plan", "starter");
        Account account = account(name, all);
        change(settings);
        return account;
    }

    /** Puts the settings of {@link #setUp} back, then ends what the account still has in flight. */
    static void tearDown(Map<String, String> settings, Account account) throws Exception {
        reset(settings.keySet());
        cancelInFlight(account.live());
    }

    /** The console admin the test classes provision with (settings:read and settings:update). */
    static Api admin() throws Exception {
        return provisioner();
    }

    /** Cancels what this account still has queued or rendering, so no render of one class runs on into the next. */
    static void cancelInFlight(Api api) throws Exception {
        for (JsonNode g : api.get("/v1/video?limit=100").json().path("data")) {
            String status = g.path("status").asText();
            if ("queued".equals(status) || "processing".equals(status)) {
                api.post("/v1/video/" + g.path("generation_id").asText() + "/cancel", "application/json", "");
            }
        }
    }

    /**
     * Refuses a test that reaches the shared appliance from outside its lane: it would run beside another class's
     * changed settings or the demo account's jobs, and fail now and then rather than every time.
     */
    private static void requireLane() {
        List<StackWalker.StackFrame> tests = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.filter(f -> f.getDeclaringClass().getSimpleName().endsWith("IT")).toList());
        for (StackWalker.StackFrame f : tests) {
            Class<?> c = f.getDeclaringClass();
            Execution mode = c.getAnnotation(Execution.class);
            if (mode != null && mode.value() == ExecutionMode.SAME_THREAD) {
                return;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(f.getMethodName()) && m.isAnnotationPresent(LooksOnly.class)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("the shared appliance is used by " + tests.stream().map(f -> f.getClassName()
                + "." + f.getMethodName()).distinct().toList() + ", which is neither in its lane (@Execution(SAME_THREAD))"
                + " nor @SharedAppliance.LooksOnly");
    }

    private static String key(Api admin, String accountId, String mode) throws Exception {
        Api.Resp r = admin.postJson("/v1/admin/accounts/" + accountId + "/keys", Map.of("mode", mode, "name", "it " + mode));
        JsonNode key = r.json().path("key");
        if (r.status() != 201 || !key.isTextual()) {
            throw new IllegalStateException("could not create a " + mode + " key for " + accountId + ": " + r.status() + " " + r.text());
        }
        return key.asText();
    }

    /** A console admin of the tests' own, made once through the host's {@code /ops} (as {@code reelforge create-admin}). */
    private static synchronized Api provisioner() throws Exception {
        if (provisioner == null) {
            Appliance a = get();
            Api.Resp made = a.ops().postJson("/ops/console-users", Map.of("username", PROVISIONER));
            if (made.status() != 200) {
                throw new IllegalStateException("could not create console admin " + PROVISIONER + ": " + made.status() + " " + made.text());
            }
            Api once = a.api().asConsoleUser(PROVISIONER, made.json().path("password").asText());
            Api.Resp changed = once.postJson("/v1/admin/password",
                    Map.of("current", made.json().path("password").asText(), "password", PROVISIONER_PASSWORD));
            if (changed.status() != 204) {
                throw new IllegalStateException("could not set " + PROVISIONER + "'s password: " + changed.status() + " " + changed.text());
            }
            provisioner = a.api().asConsoleUser(PROVISIONER, PROVISIONER_PASSWORD);
        }
        return provisioner;
    }
}
