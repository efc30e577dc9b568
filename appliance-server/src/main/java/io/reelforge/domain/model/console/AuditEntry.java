package io.reelforge.domain.model.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One thing a console user did (or the system did for them, like creating the first admin). Never updated. */
@Entity
// "AT" is a reserved word in Derby, hence createdAt.
@Table(name = "RF_AUDIT", indexes = {@Index(name = "RF_AUDIT_AT", columnList = "CREATEDAT"),
        @Index(name = "RF_AUDIT_ACTOR", columnList = "ACTOR, CREATEDAT")})
public class AuditEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private Instant createdAt;

    /** {@code console:<username>} or {@code system}. */
    @Column(nullable = false, length = 120)
    private String actor;

    /** A permission-like name: {@code keys:create}, {@code ledger:grant}, {@code console:login}. */
    @Column(nullable = false, length = 64)
    private String action;

    /** The id the action was about (account, key, generation); may be empty. */
    @Column(length = 64)
    private String target;

    @Column(length = 500)
    private String detail;

    /** The address the action came from, as the server saw it; empty for the system's own actions. */
    @Column(length = 64)
    private String sourceAddress;

    protected AuditEntry() {
    }

    public AuditEntry(String actor, String action, String target, String detail, Instant now) {
        this(actor, action, target, detail, null, now);
    }

    public AuditEntry(String actor, String action, String target, String detail, String sourceAddress, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = now;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.sourceAddress = sourceAddress == null || sourceAddress.length() <= 64 ? sourceAddress : sourceAddress.substring(0, 64);
    }

    public String id() {
        return id;
    }

    public Instant at() {
        return createdAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }

    public String sourceAddress() {
        return sourceAddress;
    }
}
