package io.reelforge.infrastructure.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import io.reelforge.application.ClusterLease;
import io.reelforge.application.LiveKeepAlive;
import io.reelforge.application.RequestLimits;
import io.reelforge.application.SandboxPace;
import io.reelforge.application.console.ConfiguredSettings;
import io.reelforge.application.console.ModelImportLimits;
import io.reelforge.application.console.SignInLimits;
import io.reelforge.application.ops.ApplianceFolders;
import io.reelforge.application.render.RenderLimits;
import io.reelforge.application.webhooks.WebhookLimits;
import io.reelforge.domain.model.settings.TunableSetting;

/**
 * The appliance's settings as typed values. Read on each call, so a value is never cached past a restart
 * in one place and fresh in another. For a {@link TunableSetting} a value changed at run time (stored in the
 * database, see {@link SettingOverrides}) wins over the configured one. The application reads them through the
 * small ports it declares, each the settings of one use case.
 */
@ApplicationScoped
public class Settings implements RenderLimits, ConfiguredSettings, ApplianceFolders, SignInLimits, ModelImportLimits,
        WebhookLimits, RequestLimits, ClusterLease, LiveKeepAlive, SandboxPace {

    @Inject
    Config config;

    @Inject
    SettingOverrides overrides;

    // The names of the settings an admin may change in the console (STORAGE_ROOT, PREVIOUS_STORAGE_ROOTS,
    // OUTPUT_RETENTION) are declared by the ports that read them; the stored value wins over the configured one.

    @Override
    public Path dataDir() {
        return path("reelforge.data-dir");
    }

    /** Where new outputs go: the console's choice, else the configured root. */
    @Override
    public Path storageRoot() {
        return overrides.get(STORAGE_ROOT).map(Settings::absolute).orElseGet(() -> path(STORAGE_ROOT));
    }

    /** Roots used before a change in the console, newest first: older outputs are still found there. */
    @Override
    public java.util.List<Path> previousStorageRoots() {
        return overrides.get(PREVIOUS_STORAGE_ROOTS).stream().flatMap(s -> s.lines()).filter(s -> !s.isBlank())
                .map(Settings::absolute).toList();
    }

    /** The folder under which the console may choose a storage root (itself included); set by the installer. */
    @Override
    public Path storageAllowedBase() {
        return path("reelforge.storage.allowed-base");
    }

    @Override
    public Path modelsDir() {
        return path("reelforge.engine.djl.models-dir");
    }

    @Override
    public Path djlCacheDir() {
        return path("reelforge.engine.djl.cache-dir");
    }

    @Override
    public Path keysDir() {
        return path("reelforge.keys.dir");
    }

    public Optional<String> publicUrl() {
        return optional("reelforge.public-url");
    }

    public String defaultEngine() {
        return string("reelforge.engine.default");
    }

    /**
     * {@code reelforge.render.slots}: a number, or empty for {@code auto} (the default engine's own count, see
     * {@code EngineRegistry.renderSlots()}). Anything else fails, as a bad number always did.
     */
    public java.util.OptionalInt renderSlotsSetting() {
        String v = string("reelforge.render.slots").trim();
        return v.equalsIgnoreCase("auto") ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(Math.max(1, Integer.parseInt(v)));
    }

    @Override
    public Duration renderTimeout() {
        return duration("reelforge.render.timeout");
    }

    @Override
    public int maxRenderAttempts() {
        return Math.max(1, integer("reelforge.render.max-attempts"));
    }

    @Override
    public Duration outputRetention() {
        return overrides.get(OUTPUT_RETENTION).map(Duration::parse).orElseGet(() -> duration(OUTPUT_RETENTION));
    }

    public Duration outputUrlTtl() {
        return duration("reelforge.output.url-ttl");
    }

    public Duration retentionInterval() {
        return duration("reelforge.retention.interval");
    }

    /** {@code reelforge.node-id}: this node's name in the cluster, empty for the default (see {@code NodeIdentity}). */
    public Optional<String> nodeIdSetting() {
        return optional("reelforge.node-id");
    }

    /** How often this node renews its lease and looks for stop requests, lost claims and free slots. */
    public Duration clusterHeartbeat() {
        return duration("reelforge.cluster.heartbeat");
    }

    /** How long a node stays a member without a heartbeat; then its renders are taken back by the others. */
    @Override
    public Duration clusterLease() {
        return duration("reelforge.cluster.lease");
    }

    public Duration watchdogInterval() {
        return duration("reelforge.watchdog.interval");
    }

    /** How often a live status stream gets a keep-alive comment (and every watched generation is re-read). */
    @Override
    public Duration liveKeepAlive() {
        return duration("reelforge.live.keep-alive");
    }

    public int defaultConcurrentJobs() {
        return integer("reelforge.quota.concurrent-jobs");
    }

    public long uploadMaxBytes() {
        return Long.parseLong(string("reelforge.upload.max-bytes").trim());
    }

    public long uploadMaxPixels() {
        return Long.parseLong(string("reelforge.upload.max-pixels").trim());
    }

    public int uploadMaxSide() {
        return integer("reelforge.upload.max-side");
    }

    /** The folder the admin API and console import model packages from by server path; nothing outside it. */
    @Override
    public Path modelImportDir() {
        return path("reelforge.models.import-dir");
    }

    /** The largest model package upload (multipart body) the admin API accepts. */
    @Override
    public long modelUploadMaxBytes() {
        return Long.parseLong(string("reelforge.models.upload.max-bytes").trim());
    }

    public int maxJsonBytes() {
        return integer("reelforge.request.max-json-bytes");
    }

    public boolean demoEnabled() {
        return Boolean.parseBoolean(string("reelforge.demo.enabled").trim());
    }

    public Optional<String> demoApiKey() {
        return optional("reelforge.demo.api-key");
    }

    /** The demo account's first grant; the plan's own first grant when unset. */
    public java.util.OptionalLong demoGrant() {
        return optional("reelforge.demo.grant").map(v -> java.util.OptionalLong.of(Long.parseLong(v)))
                .orElse(java.util.OptionalLong.empty());
    }

    public String demoPlan() {
        return string("reelforge.demo.plan");
    }

    /** The first console admin's user name, created with a printed random password on a fresh appliance. */
    public String consoleAdminUser() {
        return string("reelforge.console.admin-user");
    }

    /** Failed sign-ins from one address, or for one user name, before each further one waits longer. */
    @Override
    public int consoleLoginFreeFailures() {
        return integer("reelforge.console.login.free-failures");
    }

    /** The longest wait an address that keeps failing is given. */
    @Override
    public Duration consoleLoginMaxDelay() {
        return duration("reelforge.console.login.max-delay");
    }

    /** The longest wait a user name guessed at from many addresses is given (short: nobody can keep a user out). */
    @Override
    public Duration consoleLoginUserMaxDelay() {
        return duration("reelforge.console.login.user-max-delay");
    }

    @Override
    public Duration consoleSessionTimeout() {
        return duration("reelforge.console.session-timeout");
    }

    /** {@code json} (one JSON object a line), {@code kv} (key=value a line) or {@code payara} (left as Payara writes it). */
    public String logFormat() {
        return string("reelforge.log.format").trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** Readiness fails when the storage root has less free space than this, in MiB. */
    public long storageMinFreeMb() {
        return Long.parseLong(string("reelforge.health.storage.min-free-mb").trim());
    }

    /** How long a SIGTERM lets renders in progress finish before they are handed back to the queue. */
    public Duration shutdownDrainTimeout() {
        return duration("reelforge.shutdown.drain-timeout");
    }

    /** How long one webhook attempt may take, connect to last byte. */
    @Override
    public Duration webhookTimeout() {
        return duration("reelforge.webhooks.timeout");
    }

    /** The waits before each retry of a failed webhook delivery. */
    @Override
    public String webhookRetrySchedule() {
        return string("reelforge.webhooks.retry-schedule");
    }

    public Duration webhookPollInterval() {
        return duration("reelforge.webhooks.poll-interval");
    }

    /** How long a rotated-out webhook secret keeps signing. */
    @Override
    public Duration webhookSecretGrace() {
        return duration("reelforge.webhooks.secret-grace");
    }

    @Override
    public int webhookMaxEndpoints() {
        return integer("reelforge.webhooks.max-endpoints");
    }

    /** Addresses or CIDR ranges that webhooks may reach even though they are loopback, link-local or metadata. */
    @Override
    public java.util.List<String> webhookAllowedAddresses() {
        return optional("reelforge.webhooks.allow-addresses").map(v -> java.util.Arrays.stream(v.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList()).orElse(java.util.List.of());
    }

    /** How long an Idempotency-Key's first response is kept. */
    @Override
    public Duration idempotencyTtl() {
        return duration("reelforge.idempotency.ttl");
    }

    /** Requests per minute per API key on this plan: {@code reelforge.ratelimit.requests-per-minute.<plan>}, else the default. */
    @Override
    public int requestsPerMinute(String planId) {
        return optional("reelforge.ratelimit.requests-per-minute." + planId).map(Integer::parseInt)
                .orElseGet(() -> integer("reelforge.ratelimit.requests-per-minute"));
    }

    @Override
    public Optional<Duration> sandboxMinRenderTime() {
        return optional("reelforge.engine.sandbox.min-render-time").map(Duration::parse);
    }

    /** Any setting by its full name; engines read theirs through this (a tunable one as changed at run time). */
    public Optional<String> optional(String key) {
        return changed(key).or(() -> config.getOptionalValue(key, String.class)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The value from the configuration alone (system property, environment, properties file), trimmed. */
    @Override
    public Optional<String> configured(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim);
    }

    /** The value stored at run time, for a tunable setting only (the others are never looked up in the database). */
    private Optional<String> changed(String key) {
        return TunableSetting.isTunable(key) ? overrides.get(key) : Optional.empty();
    }

    private String string(String key) {
        return changed(key).orElseGet(() -> config.getValue(key, String.class));
    }

    private int integer(String key) {
        return Integer.parseInt(string(key).trim());
    }

    private Duration duration(String key) {
        return Duration.parse(string(key).trim());
    }

    private Path path(String key) {
        return absolute(string(key));
    }

    private static Path absolute(String p) {
        return Path.of(p.trim()).toAbsolutePath().normalize();
    }
}
