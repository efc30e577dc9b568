package io.reelforge.domain.model.console;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A console user's open session, kept in the database so that every node's sessions can be listed and ended from
 * any node. It holds no secret: its id is random, not the HTTP session's id. The row goes when the session ends.
 */
@Entity
@Table(name = "RF_CONSOLE_SESSION", indexes = @Index(name = "RF_CSESSION_USER", columnList = "USERNAME"))
public class ConsoleSession {

    /** How stale {@code lastSeenAt} may get before a request writes it again. */
    public static final Duration SEEN_RESOLUTION = Duration.ofSeconds(30);

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 64)
    private String username;

    /** The appliance node that holds the HTTP session. */
    @Column(nullable = false, length = 120)
    private String node;

    @Column(length = 64)
    private String sourceAddress;

    @Column(nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private Instant lastSeenAt;

    protected ConsoleSession() {
    }

    public ConsoleSession(String username, String node, String sourceAddress, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.username = username;
        this.node = node;
        this.sourceAddress = sourceAddress;
        this.startedAt = now;
        this.lastSeenAt = now;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String node() {
        return node;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
