package io.reelforge.domain.model.ledger;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One movement of credits. Never updated or deleted. {@code amount} is signed: grants and refunds add,
 * debits subtract.
 */
@Entity
@Table(name = "RF_LEDGER",
        uniqueConstraints = @UniqueConstraint(name = "RF_LEDGER_ONE_PER_GENERATION", columnNames = {"GENERATIONID", "KIND"}),
        indexes = @Index(name = "RF_LEDGER_ACCOUNT", columnList = "ACCOUNTID, CREATEDAT"))
public class LedgerEntry {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 36)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private EntryKind kind;

    @Column(nullable = false)
    private long amount;

    /** Set for debits and refunds; the unique key with {@code kind}. */
    @Column(length = 36)
    private String generationId;

    @Column(nullable = false, length = 500)
    private String reason;

    /** Who caused it: {@code system}, {@code api-key:<prefix>} or a console user. */
    @Column(nullable = false, length = 120)
    private String actor;

    @Column(nullable = false)
    private Instant createdAt;

    protected LedgerEntry() {
    }

    private LedgerEntry(String accountId, EntryKind kind, long amount, String generationId, String reason,
                        String actor, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.kind = kind;
        this.amount = amount;
        this.generationId = generationId;
        this.reason = reason;
        this.actor = actor;
        this.createdAt = now;
    }

    public static LedgerEntry grant(String accountId, long credits, String reason, String actor, Instant now) {
        if (credits <= 0) {
            throw new IllegalArgumentException("a grant is positive");
        }
        return new LedgerEntry(accountId, EntryKind.GRANT, credits, null, reason, actor, now);
    }

    public static LedgerEntry debit(String accountId, long credits, String generationId, String actor, Instant now) {
        return new LedgerEntry(accountId, EntryKind.DEBIT, -credits, generationId, "video clip", actor, now);
    }

    public static LedgerEntry refund(String accountId, long credits, String generationId, String reason, Instant now) {
        return new LedgerEntry(accountId, EntryKind.REFUND, credits, generationId, reason, "system", now);
    }

    public static LedgerEntry adjustment(String accountId, long signedCredits, String reason, String actor, Instant now) {
        return new LedgerEntry(accountId, EntryKind.ADJUSTMENT, signedCredits, null, reason, actor, now);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public EntryKind kind() {
        return kind;
    }

    public long amount() {
        return amount;
    }

    public String generationId() {
        return generationId;
    }

    public String reason() {
        return reason;
    }

    public String actor() {
        return actor;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
