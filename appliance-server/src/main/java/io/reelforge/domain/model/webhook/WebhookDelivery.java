package io.reelforge.domain.model.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One event for one target (an endpoint, or a generation's own {@code webhook_url}): an outbox row written in
 * the transaction that ended the generation, so no event is lost to a crash. The payload and the message id
 * ({@code webhook-id}) are fixed when it is written and never change across attempts and redeliveries.
 */
@Entity
@Table(name = "RF_WEBHOOK_DELIVERY", indexes = {
        @Index(name = "RF_WHD_DUE", columnList = "STATUS, NEXTATTEMPTAT"),
        @Index(name = "RF_WHD_ACCOUNT", columnList = "ACCOUNTID, CREATEDAT"),
        @Index(name = "RF_WHD_ENDPOINT", columnList = "ENDPOINTID, CREATEDAT"),
        @Index(name = "RF_WHD_CREATED", columnList = "CREATEDAT")})
public class WebhookDelivery {

    @Id
    @Column(length = 40)
    private String id;

    @Column(nullable = false, length = 40)
    private String messageId;

    @Column(nullable = false, length = 36)
    private String accountId;

    /** Null for a generation's {@code webhook_url}. */
    @Column(length = 40)
    private String endpointId;

    @Column(nullable = false, length = WebhookUrl.MAX_LENGTH)
    private String url;

    @Column(nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, length = 36)
    private String generationId;

    @Column(nullable = false, length = 32000)
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private DeliveryStatus status;

    private int attempts;

    /** Failures since the last success or redelivery: the position in the retry schedule. */
    private int failuresInRow;

    private Instant nextAttemptAt;
    private Instant lastAttemptAt;
    private Integer lastStatusCode;

    @Column(length = 500)
    private String lastError;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant finishedAt;

    @Version
    private long version;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String messageId, String accountId, String endpointId, String url, WebhookEvent event,
                           String generationId, String payload, Instant now) {
        this.id = "dlv_" + UUID.randomUUID().toString().replace("-", "");
        this.messageId = messageId;
        this.accountId = accountId;
        this.endpointId = endpointId;
        this.url = url;
        this.eventType = event.wireName();
        this.generationId = generationId;
        this.payload = payload;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /**
     * Takes a due delivery for one attempt. Its next attempt moves past the lease, so a crash during the attempt
     * leaves it due again later, and no other claim takes it meanwhile.
     */
    public boolean claim(Instant now, Duration lease) {
        if (status != DeliveryStatus.PENDING || nextAttemptAt == null || nextAttemptAt.isAfter(now)) {
            return false;
        }
        nextAttemptAt = now.plus(lease);
        return true;
    }

    /**
     * Records an attempt and decides what follows: done on a 2xx; given up on a 410 or when the schedule is
     * spent; otherwise the next attempt after the schedule's wait, or later if the receiver's Retry-After asks.
     */
    public DeliveryAttempt record(AttemptOutcome outcome, RetrySchedule schedule, Instant now) {
        attempts++;
        lastAttemptAt = now;
        lastStatusCode = outcome.statusCode();
        lastError = outcome.error();
        DeliveryAttempt attempt = new DeliveryAttempt(id, attempts, outcome, now);
        if (outcome.succeeded()) {
            finish(DeliveryStatus.SUCCEEDED, now);
            return attempt;
        }
        failuresInRow++;
        if (outcome.gone()) {
            finish(DeliveryStatus.FAILED, now);
            return attempt;
        }
        schedule.after(failuresInRow).ifPresentOrElse(wait -> {
            Duration d = outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0 ? outcome.retryAfter() : wait;
            nextAttemptAt = now.plus(d);
        }, () -> finish(DeliveryStatus.FAILED, now));
        return attempt;
    }

    /** Gives up without an attempt, e.g. when the endpoint was disabled or deleted. */
    public void abandon(String reason, Instant now) {
        if (status == DeliveryStatus.PENDING) {
            lastError = reason;
            finish(DeliveryStatus.FAILED, now);
        }
    }

    /** Sends the same message (same id and payload) again now, with a fresh retry schedule. */
    public void redeliver(Instant now) {
        status = DeliveryStatus.PENDING;
        failuresInRow = 0;
        nextAttemptAt = now;
        finishedAt = null;
    }

    private void finish(DeliveryStatus end, Instant now) {
        status = end;
        nextAttemptAt = null;
        finishedAt = now;
    }

    public String id() { return id; }
    public String messageId() { return messageId; }
    public String accountId() { return accountId; }
    public String endpointId() { return endpointId; }
    public String url() { return url; }
    public String eventType() { return eventType; }
    public String generationId() { return generationId; }
    public String payload() { return payload; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant lastAttemptAt() { return lastAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant finishedAt() { return finishedAt; }
}
