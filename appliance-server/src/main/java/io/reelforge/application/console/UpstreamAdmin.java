package io.reelforge.application.console;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.EngineCatalog;
import io.reelforge.application.ops.AfterCommit;
import io.reelforge.domain.model.upstream.ConsoleUpstream;
import io.reelforge.domain.model.upstream.UpstreamRepository;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.remote.ManagedUpstream;
import io.reelforge.remote.UpstreamEngine;
import io.reelforge.remote.UpstreamState;

/**
 * The remote engine's upstream servers for the console and the admin API: the configured ones
 * ({@code reelforge.engine.remote.upstreams}, read-only here) and the ones added here, which an admin
 * ({@code engines:manage}) adds, tests (a request to the upstream), enables, disables and removes; every role reads them ({@code engines:read}).
 * An added upstream's key is sealed with the appliance's key before it is stored and never leaves this class
 * again except to the engine. Every change is audited (never the key) and reaches the engine when it commits.
 */
@ApplicationScoped
public class UpstreamAdmin {

    /** One upstream: {@code id} null for a configured one; {@code health} is {@code up}, why not, or {@code disabled}. */
    public record UpstreamRow(String id, String baseUrl, boolean managed, boolean enabled, boolean keySet, int maxInFlight,
                              boolean healthy, String health, boolean busy, int inFlight, Instant createdAt, String createdBy,
                              Instant updatedAt, String updatedBy) {
    }

    /** A connection test's outcome: {@code up}, or why not. */
    public record TestResult(String baseUrl, boolean up, String detail) {
    }

    private static final Logger LOG = Logger.getLogger(UpstreamAdmin.class.getName());

    @Inject
    UpstreamRepository upstreams;

    @Inject
    UpstreamKeySeal cipher;

    @Inject
    EngineCatalog engines;

    @Inject
    AuditLog audit;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Clock clock;

    private volatile List<List<Object>> published;
    private final Map<String, String> leftOut = new ConcurrentHashMap<>();

    public List<UpstreamRow> list() {
        ConsoleSubject.require("engines:read");
        List<UpstreamState> states = engines.remoteEngine().map(UpstreamEngine::upstreams).orElse(List.of());
        Map<String, UpstreamState> live = states.stream().filter(UpstreamState::managed)
                .collect(Collectors.toMap(s -> s.base().toString(), Function.identity(), (a, b) -> a));
        List<UpstreamRow> rows = new ArrayList<>();
        states.stream().filter(s -> !s.managed()).forEach(s -> rows.add(new UpstreamRow(null, s.base().toString(), false, true,
                false, s.maxInFlight(), s.healthy(), s.healthy() ? "up" : s.health(), s.busy(), s.inFlight(), null, null, null, null)));
        for (ConsoleUpstream u : upstreams.all()) {
            UpstreamState s = u.enabled() ? live.get(u.baseUrl()) : null;
            rows.add(new UpstreamRow(u.id(), u.baseUrl(), true, u.enabled(), u.sealedKey() != null, u.maxInFlight(),
                    s != null && s.healthy(), !u.enabled() ? "disabled" : s == null ? "not loaded" : s.healthy() ? "up" : s.health(),
                    s != null && s.busy(), s == null ? 0 : s.inFlight(), u.createdAt(), u.createdBy(), u.updatedAt(), u.updatedBy()));
        }
        return rows;
    }

    /** Adds an enabled upstream: an http(s) base URL ending in /v1 that the address policy allows, not there yet. */
    @Transactional
    public UpstreamRow add(String baseUrl, Integer maxInFlight, String apiKey) {
        String actor = ConsoleSubject.require("engines:manage");
        UpstreamEngine engine = remote();
        if (baseUrl == null || baseUrl.isBlank()) {
            throw ReelforgeException.validation("base_url", "base_url_required", "base_url is required, e.g. http://gpu-1:8000/v1.");
        }
        URI base;
        try {
            base = UpstreamEngine.baseUrl(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw ReelforgeException.validation("base_url", "invalid_url", "base_url must be an http(s) base URL ending in /v1, "
                    + "without credentials or query, e.g. http://gpu-1:8000/v1.");
        }
        if (base.toString().length() > ConsoleUpstream.URL_LENGTH) {
            throw ReelforgeException.validation("base_url", "invalid_url", "base_url is longer than " + ConsoleUpstream.URL_LENGTH + " characters.");
        }
        int max = maxInFlight == null ? 1 : maxInFlight;
        if (max < 1 || max > 1000) {
            throw ReelforgeException.validation("max_in_flight", "invalid_max_in_flight", "max_in_flight must be between 1 and 1000.");
        }
        String refused = engine.refusal(base);
        if (refused != null) {
            throw ReelforgeException.validation("base_url", "address_refused", "The upstream cannot be used: " + refused + ".");
        }
        String url = base.toString();
        if (upstreams.findByUrl(url).isPresent() || engine.upstreams().stream().anyMatch(s -> s.base().equals(base))) {
            throw ReelforgeException.conflict("upstream_exists", "The upstream " + url + " is already there.");
        }
        String key = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        ConsoleUpstream u = new ConsoleUpstream(url, max, key == null ? null : cipher.seal(key, url), actor, clock.instant());
        upstreams.store(u);
        audit.record(actor, "engines:upstream-add", url, max + " in flight, " + (key == null ? "no key" : "key set"));
        publishOnCommit();
        return new UpstreamRow(u.id(), url, true, true, key != null, max, false, "not checked yet", false, 0,
                u.createdAt(), actor, u.updatedAt(), actor);
    }

    /** Checks an added upstream now with its key: the address policy, its health endpoint, then the key on /models. */
    public TestResult test(String id) {
        ConsoleSubject.require("engines:manage");
        ConsoleUpstream u = find(id);
        String key;
        try {
            key = key(u);
        } catch (IllegalStateException e) { // this node's key file is not the one that sealed it
            return new TestResult(u.baseUrl(), false, e.getMessage());
        }
        String why = remote().test(URI.create(u.baseUrl()), key);
        return new TestResult(u.baseUrl(), why == null, why == null ? "up" : why);
    }

    @Transactional
    public void enable(String id, boolean on) {
        String actor = ConsoleSubject.require("engines:manage");
        ConsoleUpstream u = find(id);
        if (u.enable(on, actor, clock.instant())) {
            audit.record(actor, on ? "engines:upstream-enable" : "engines:upstream-disable", u.baseUrl(), null);
            publishOnCommit();
        }
    }

    /** Removes it; renders running on it finish there, new ones go elsewhere. */
    @Transactional
    public void remove(String id) {
        String actor = ConsoleSubject.require("engines:manage");
        ConsoleUpstream u = find(id);
        upstreams.remove(u);
        audit.record(actor, "engines:upstream-remove", u.baseUrl(), u.enabled() ? "was enabled" : "was disabled");
        publishOnCommit();
    }

    /**
     * Hands the enabled upstreams to the engine; at start-up and after each change commits. One whose key does
     * not open (the keys folder was replaced, or this node's key file is not the cluster's) is left out, with a
     * warning.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void publish() {
        engines.remoteEngine().ifPresent(engine -> engine.manage(enabled(upstreams.all())));
    }

    /**
     * Hands the engine what another appliance on the database added, changed or removed since this node last
     * looked (every few seconds, {@code SharedStateRefresh}); again while an upstream is left out, so that it
     * joins once its key opens here.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void refresh() {
        Optional<UpstreamEngine> engine = engines.remoteEngine();
        if (engine.isEmpty()) {
            return;
        }
        List<ConsoleUpstream> rows = upstreams.all();
        if (!rows(rows).equals(published)) {
            engine.get().manage(enabled(rows));
        }
    }

    /** The set is read inside the change's transaction (it sees the change) and handed over once it commits. */
    private void publishOnCommit() {
        List<ManagedUpstream> next = enabled(upstreams.all());
        afterCommit.count(() -> remote().manage(next));
    }

    /** What the engine was handed, row by row; null while one is left out. */
    private static List<List<Object>> rows(List<ConsoleUpstream> rows) {
        return rows.stream().map(u -> List.<Object>of(u.id(), u.baseUrl(), u.enabled(), u.maxInFlight(),
                String.valueOf(u.sealedKey()))).toList();
    }

    private List<ManagedUpstream> enabled(List<ConsoleUpstream> rows) {
        List<ManagedUpstream> enabled = new ArrayList<>();
        boolean complete = true;
        for (ConsoleUpstream u : rows) {
            if (u.enabled()) {
                try {
                    enabled.add(new ManagedUpstream(URI.create(u.baseUrl()), u.maxInFlight(), key(u)));
                    leftOut.remove(u.baseUrl());
                } catch (IllegalStateException e) {
                    complete = false;
                    if (!e.getMessage().equals(leftOut.put(u.baseUrl(), e.getMessage()))) { // once, not every refresh
                        LOG.warning("upstream " + u.baseUrl() + " left out: " + e.getMessage());
                    }
                }
            }
        }
        published = complete ? rows(rows) : null;
        return enabled;
    }

    private String key(ConsoleUpstream u) {
        return u.sealedKey() == null ? null : cipher.open(u.sealedKey(), u.baseUrl());
    }

    private ConsoleUpstream find(String id) {
        return upstreams.find(id).orElseThrow(() -> ReelforgeException.notFound("upstream", id));
    }

    private UpstreamEngine remote() {
        return engines.remoteEngine().orElseThrow(() -> new ReelforgeException(ErrorType.UNAVAILABLE, "engine_unavailable",
                "No remote engine is installed on this appliance."));
    }
}
