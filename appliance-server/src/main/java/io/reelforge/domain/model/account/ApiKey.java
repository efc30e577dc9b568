package io.reelforge.domain.model.account;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An API key, kept as its public lookup id (also shown as the display prefix) and the SHA-256 of the whole
 * key. Keys carry 256 random bits, so a fast hash is enough; the comparison is constant-time.
 */
@Entity
@Table(name = "RF_API_KEY")
public class ApiKey {

    /** last_used_at is written at most this often, so authentication is not a write per request. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private Account account;

    @Column(nullable = false, unique = true, length = 24)
    private String lookupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private KeyMode mode;

    @Column(nullable = false, length = 64)
    private String secretHash;

    @Column(length = 120)
    private String name;

    @Column(nullable = false)
    private Instant createdAt;

    /** Who made it: the console or admin-API user ({@code console:<name>}), or {@code seed} for the demo keys. */
    @Column(length = 120)
    private String createdBy;

    private Instant lastUsedAt;
    private Instant revokedAt;
    private Instant expiresAt;

    protected ApiKey() {
    }

    public ApiKey(Account account, KeyMode mode, String lookupId, String secretHash, String name, String createdBy,
                  Instant now) {
        this.id = UUID.randomUUID().toString();
        this.account = account;
        this.mode = mode;
        this.lookupId = lookupId;
        this.secretHash = secretHash;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Whether {@code presentedHash} is this key's hash, in time independent of where they differ. */
    public boolean matches(byte[] presentedHash) {
        return MessageDigest.isEqual(java.util.HexFormat.of().parseHex(secretHash), presentedHash);
    }

    public boolean isUsable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && account.isActive();
    }

    /** Records a use; returns whether the row changed (it does at most once a minute). */
    public boolean touch(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_GRANULARITY).isBefore(now)) {
            lastUsedAt = now;
            return true;
        }
        return false;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String displayPrefix() {
        return mode.prefix() + lookupId;
    }

    public String id() {
        return id;
    }

    public Account account() {
        return account;
    }

    public KeyMode mode() {
        return mode;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Null for keys made before this was recorded. */
    public String createdBy() {
        return createdBy;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
