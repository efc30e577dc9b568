package io.reelforge.domain.model.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One try of a delivery and what came back. Never updated. */
@Entity
@Table(name = "RF_WEBHOOK_ATTEMPT", indexes = @Index(name = "RF_WHA_DELIVERY", columnList = "DELIVERYID, ATTEMPTNUMBER"))
public class DeliveryAttempt {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 40)
    private String deliveryId;

    @Column(name = "ATTEMPTNUMBER")
    private int number;

    @Column(nullable = false)
    private Instant attemptedAt;

    private Integer statusCode;

    @Column(length = AttemptOutcome.MAX_SNIPPET)
    private String responseSnippet;

    @Column(length = 500)
    private String error;

    private long durationMs;

    protected DeliveryAttempt() {
    }

    DeliveryAttempt(String deliveryId, int number, AttemptOutcome outcome, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.deliveryId = deliveryId;
        this.number = number;
        this.attemptedAt = now;
        this.statusCode = outcome.statusCode();
        this.responseSnippet = outcome.responseSnippet();
        this.error = outcome.error();
        this.durationMs = outcome.durationMs();
    }

    public String deliveryId() { return deliveryId; }
    public int number() { return number; }
    public Instant attemptedAt() { return attemptedAt; }
    public Integer statusCode() { return statusCode; }
    public String responseSnippet() { return responseSnippet; }
    public String error() { return error; }
    public long durationMs() { return durationMs; }
}
