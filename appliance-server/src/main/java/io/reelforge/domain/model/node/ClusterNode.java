package io.reelforge.domain.model.node;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One appliance process sharing the database: what it can render, how busy it is, and its lease. A node is a
 * member of the cluster while its lease runs; once the lease lapses (it stopped heartbeating or left), the
 * renders it claimed are anyone's to take back.
 */
@Entity
@Table(name = "RF_NODE")
public class ClusterNode {

    @Id
    @Column(length = 100)
    private String id;

    @Column(nullable = false, length = 40)
    private String appVersion;

    @Column(nullable = false, length = 500)
    private String engines;

    @Column(nullable = false, length = 500)
    private String devices;

    private int slots;
    private int busySlots;

    @Column(nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private Instant heartbeatAt;

    @Column(nullable = false)
    private Instant leaseUntil;

    /** Set when the node stopped cleanly (SIGTERM); cleared when it starts again. */
    private Instant leftAt;

    protected ClusterNode() {
    }

    public ClusterNode(String id, Instant now) {
        this.id = id;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.leaseUntil = now;
        this.appVersion = "";
        this.engines = "";
        this.devices = "";
    }

    /** A (re)start: the node is a member again from now, with a fresh lease. */
    public void started(Instant now, Duration lease) {
        startedAt = now;
        leftAt = null;
        heartbeat(now, lease);
    }

    /** The node is alive: its lease runs from now. */
    public void heartbeat(Instant now, Duration lease) {
        heartbeatAt = now;
        leaseUntil = now.plus(lease);
    }

    /** What the node offers and how much of it is in use, as of its latest heartbeat. */
    public void describe(String appVersion, String engines, String devices, int slots, int busySlots) {
        this.appVersion = clip(appVersion, 40);
        this.engines = clip(engines, 500);
        this.devices = clip(devices, 500);
        this.slots = slots;
        this.busySlots = busySlots;
    }

    /** A clean stop: the lease ends now, so nobody waits for it. */
    public void leave(Instant now) {
        leftAt = now;
        leaseUntil = now;
    }

    public boolean liveAt(Instant now) {
        return leftAt == null && now.isBefore(leaseUntil);
    }

    /** up, left (stopped cleanly) or lost (its lease lapsed without a clean stop). */
    public String stateAt(Instant now) {
        return liveAt(now) ? "up" : leftAt != null ? "left" : "lost";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public String id() { return id; }
    public String appVersion() { return appVersion; }
    public String engines() { return engines; }
    public String devices() { return devices; }
    public int slots() { return slots; }
    public int busySlots() { return busySlots; }
    public Instant startedAt() { return startedAt; }
    public Instant heartbeatAt() { return heartbeatAt; }
    public Instant leaseUntil() { return leaseUntil; }
    public Instant leftAt() { return leftAt; }
}
