package io.reelforge.domain.model.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A key that signs file URLs, shared by every appliance on the database: the {@code current} one signs and
 * verifies; after a rotation the {@code previous} one only verifies, until its grace deadline.
 */
@Entity
@Table(name = "RF_URL_KEY")
public class UrlKey {

    public static final String CURRENT = "current";
    public static final String PREVIOUS = "previous";

    @Id
    @Column(length = 20)
    private String slot;

    /** The 256-bit key, base64. */
    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false)
    private Instant createdAt;

    /** Until when a previous key still verifies; null for the current one. */
    private Instant validUntil;

    protected UrlKey() {
    }

    private UrlKey(String slot, String secret, Instant createdAt, Instant validUntil) {
        this.slot = slot;
        this.secret = secret;
        this.createdAt = createdAt;
        this.validUntil = validUntil;
    }

    public static UrlKey current(String secret, Instant createdAt) {
        return new UrlKey(CURRENT, secret, createdAt, null);
    }

    /** The current key, retired: it verifies until {@code until} and signs nothing. */
    public UrlKey retired(Instant until) {
        return new UrlKey(PREVIOUS, secret, createdAt, until);
    }

    /** Replaces this current key's secret by a new one, made now. */
    public void replace(String newSecret, Instant now) {
        this.secret = newSecret;
        this.createdAt = now;
    }

    /** Whether URLs signed with it are accepted at {@code now}. */
    public boolean verifiesAt(Instant now) {
        return CURRENT.equals(slot) || (validUntil != null && now.isBefore(validUntil));
    }

    public String slot() {
        return slot;
    }

    public String secret() {
        return secret;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant validUntil() {
        return validUntil;
    }
}
