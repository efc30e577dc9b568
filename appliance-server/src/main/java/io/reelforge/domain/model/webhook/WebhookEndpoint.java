package io.reelforge.domain.model.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An account's webhook endpoint: where to send which events, signed with which secrets. A receiver that
 * answers {@code 410 Gone} disables it; its owner enables it again.
 */
@Entity
@Table(name = "RF_WEBHOOK_ENDPOINT", indexes = @Index(name = "RF_WHE_ACCOUNT", columnList = "ACCOUNTID, CREATEDAT"))
public class WebhookEndpoint {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = WebhookUrl.MAX_LENGTH)
    private String url;

    @Column(length = 200)
    private String description;

    /** Event names, comma-separated; empty means every event. */
    @Column(nullable = false, length = 200)
    private String events;

    @Embedded
    private SigningSecrets secrets;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private EndpointStatus status;

    @Column(length = 300)
    private String disabledReason;

    @Column(nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String accountId, WebhookUrl url, String description, Set<WebhookEvent> events, Instant now) {
        this.id = "we_" + HexFormat.of().formatHex(randomBytes(12));
        this.accountId = accountId;
        this.url = url.value();
        this.description = description;
        this.events = events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(","));
        this.secrets = SigningSecrets.fresh();
        this.status = EndpointStatus.ACTIVE;
        this.createdAt = now;
    }

    public boolean wants(WebhookEvent event) {
        return status == EndpointStatus.ACTIVE && (events.isEmpty() || eventNames().contains(event.wireName()));
    }

    public boolean isActive() {
        return status == EndpointStatus.ACTIVE;
    }

    /** The receiver said the endpoint is gone for good. */
    public void disable(String reason) {
        status = EndpointStatus.DISABLED;
        disabledReason = reason;
    }

    public void enable() {
        status = EndpointStatus.ACTIVE;
        disabledReason = null;
    }

    public String rotateSecret(Duration grace, Instant now) {
        return secrets.rotate(grace, now);
    }

    public List<String> eventNames() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    public String id() { return id; }
    public String accountId() { return accountId; }
    public String url() { return url; }
    public String description() { return description; }
    public SigningSecrets secrets() { return secrets; }
    public EndpointStatus status() { return status; }
    public String disabledReason() { return disabledReason; }
    public Instant createdAt() { return createdAt; }
}
