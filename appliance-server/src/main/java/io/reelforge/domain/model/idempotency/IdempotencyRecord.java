package io.reelforge.domain.model.idempotency;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One account's use of one key: the fingerprint of the request it first came with, and once that request
 * finished, its response. The id is a hash of account and key, so a key is unique per account by construction.
 */
@Entity
@Table(name = "RF_IDEMPOTENCY", indexes = @Index(name = "RF_IDEM_EXPIRES", columnList = "EXPIRESAT"))
public class IdempotencyRecord {

    /** A request still unanswered after this long is taken to have died with its process. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = 64)
    private String fingerprint;

    private boolean completed;
    private int status;

    @Column(length = 32000)
    private String body;

    @Column(length = 1000)
    private String location;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    @Version
    private long version;

    protected IdempotencyRecord() {
    }

    public IdempotencyRecord(String id, String accountId, String fingerprint, Duration ttl, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.fingerprint = fingerprint;
        this.createdAt = now;
        this.expiresAt = now.plus(ttl);
    }

    /** Whether this record no longer binds its key: past its time to live. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Whether its request is taken to have died with its process: unanswered for too long. What it committed
     * before dying (a generation bound to the key) still binds the key; anything else may be redone.
     */
    public boolean isAbandoned(Instant now) {
        return !completed && createdAt.plus(ABANDONED_AFTER).isBefore(now);
    }

    public boolean sameRequest(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    public void complete(int status, String body, String location) {
        this.completed = true;
        this.status = status;
        this.body = body;
        this.location = location;
    }

    public String id() { return id; }
    public boolean completed() { return completed; }
    public int status() { return status; }
    public String body() { return body; }
    public String location() { return location; }
}
