package io.reelforge.domain.model.upstream;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An upstream server of the remote engine added in the console: its base URL (one row per URL), how many renders
 * this appliance may run on it at once, whether it takes renders, and its API key sealed with the appliance's
 * own key (never the key itself; null when the upstream takes none).
 */
@Entity
@Table(name = "RF_UPSTREAM")
public class ConsoleUpstream {

    public static final int URL_LENGTH = 1000;

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = URL_LENGTH)
    private String baseUrl;

    @Column(nullable = false)
    private int maxInFlight;

    @Column(nullable = false)
    private boolean enabled;

    @Column(length = 2000)
    private String sealedKey;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 120)
    private String createdBy;

    @Column(nullable = false)
    private Instant updatedAt;

    @Column(nullable = false, length = 120)
    private String updatedBy;

    protected ConsoleUpstream() {
    }

    /** A new upstream, enabled. */
    public ConsoleUpstream(String baseUrl, int maxInFlight, String sealedKey, String actor, Instant now) {
        if (maxInFlight < 1 || maxInFlight > 1000) {
            throw new IllegalArgumentException("max in flight must be between 1 and 1000: " + maxInFlight);
        }
        this.id = UUID.randomUUID().toString();
        this.baseUrl = baseUrl;
        this.maxInFlight = maxInFlight;
        this.sealedKey = sealedKey;
        this.enabled = true;
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }

    /** Returns whether it changed. */
    public boolean enable(boolean on, String actor, Instant now) {
        if (enabled == on) {
            return false;
        }
        enabled = on;
        updatedAt = now;
        updatedBy = actor;
        return true;
    }

    public String id() {
        return id;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    public boolean enabled() {
        return enabled;
    }

    public String sealedKey() {
        return sealedKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }
}
