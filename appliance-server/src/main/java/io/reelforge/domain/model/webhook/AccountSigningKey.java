package io.reelforge.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The secrets that sign an account's per-generation {@code webhook_url} deliveries (endpoints have their own). */
@Entity
@Table(name = "RF_WEBHOOK_SIGNING_KEY")
public class AccountSigningKey {

    @Id
    @Column(length = 36)
    private String accountId;

    @Embedded
    private SigningSecrets secrets;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AccountSigningKey() {
    }

    public AccountSigningKey(String accountId, Instant now) {
        this.accountId = accountId;
        this.secrets = SigningSecrets.fresh();
        this.createdAt = now;
    }

    public String rotate(Duration grace, Instant now) {
        return secrets.rotate(grace, now);
    }

    public String accountId() { return accountId; }
    public SigningSecrets secrets() { return secrets; }
}
