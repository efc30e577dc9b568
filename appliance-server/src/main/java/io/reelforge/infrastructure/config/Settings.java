package io.reelforge.infrastructure.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The appliance's settings as typed values. Read on each call, so a value is never cached past a restart
 * in one place and fresh in another.
 */
@ApplicationScoped
public class Settings {

    @Inject
    Config config;

    public Path dataDir() {
        return path("reelforge.data-dir");
    }

    /** Fixed under the data dir: the data source definition derives it the same way (see DataSources). */
    public Path dbPath() {
        return dataDir().resolve("db");
    }

    public Path storageRoot() {
        return path("reelforge.storage.root");
    }

    public Path keysDir() {
        return path("reelforge.keys.dir");
    }

    public Optional<String> publicUrl() {
        return optional("reelforge.public-url");
    }

    public String defaultEngine() {
        return string("reelforge.engine.default");
    }

    public int renderSlots() {
        return Math.max(1, integer("reelforge.render.slots"));
    }

    public Duration renderTimeout() {
        return duration("reelforge.render.timeout");
    }

    public int maxRenderAttempts() {
        return Math.max(1, integer("reelforge.render.max-attempts"));
    }

    public Duration outputRetention() {
        return duration("reelforge.output.retention");
    }

    public Duration outputUrlTtl() {
        return duration("reelforge.output.url-ttl");
    }

    public Duration retentionInterval() {
        return duration("reelforge.retention.interval");
    }

    public Duration watchdogInterval() {
        return duration("reelforge.watchdog.interval");
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

    /** Wrong passwords in a row before a console user is locked out for {@link #consoleLockout()}. */
    public int consoleMaxFailedLogins() {
        return integer("reelforge.console.login.max-failures");
    }

    public Duration consoleLockout() {
        return duration("reelforge.console.login.lockout");
    }

    public Duration consoleSessionTimeout() {
        return duration("reelforge.console.session-timeout");
    }

    /** Any setting by its full name; engines read theirs through this. */
    public Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private String string(String key) {
        return config.getValue(key, String.class);
    }

    private int integer(String key) {
        return Integer.parseInt(string(key).trim());
    }

    private Duration duration(String key) {
        return Duration.parse(string(key).trim());
    }

    private Path path(String key) {
        return Path.of(string(key).trim()).toAbsolutePath().normalize();
    }
}
