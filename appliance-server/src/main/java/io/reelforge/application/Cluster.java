package io.reelforge.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.node.ClusterNode;
import io.reelforge.domain.model.node.NodeRepository;
import io.reelforge.engine.Engine;

/**
 * This node's membership of the cluster: its row in the nodes table, renewed at every heartbeat with what it
 * can render and how busy it is. The embedded (Derby) appliance is a cluster of one, by the same code.
 */
@ApplicationScoped
@Transactional
public class Cluster {

    /** One node as the console and the health check show it. */
    public record NodeView(String id, String version, String engines, String devices, int busySlots, int slots,
                           Instant lastHeartbeat, String state) {
    }

    @Inject
    NodeRepository nodes;

    @Inject
    ThisNode identity;

    @Inject
    EngineCatalog engines;

    @Inject
    ClusterLease settings;

    @Inject
    Clock clock;

    /** Until when this node's lease is known to run (renewed by the last successful heartbeat). */
    private volatile Instant memberUntil = Instant.EPOCH;

    public String nodeId() {
        return identity.id();
    }

    /** Joins at start-up (or rejoins after a stop): a fresh lease. */
    public void join(int busySlots) {
        Instant now = clock.instant();
        ClusterNode n = nodes.lockForUpdate(identity.id()).orElseGet(() -> {
            ClusterNode made = new ClusterNode(identity.id(), now);
            nodes.store(made);
            return made;
        });
        n.started(now, settings.clusterLease());
        describe(n, busySlots);
        memberUntil = n.leaseUntil();
    }

    /** Renews this node's lease; a node whose row is gone or that left joins again. */
    public void heartbeat(int busySlots) {
        Instant now = clock.instant();
        ClusterNode n = nodes.lockForUpdate(identity.id()).orElse(null);
        if (n == null || n.leftAt() != null) {
            join(busySlots);
            return;
        }
        n.heartbeat(now, settings.clusterLease());
        describe(n, busySlots);
        memberUntil = n.leaseUntil();
    }

    /** A clean stop: the lease ends now, so no one waits for it to lapse. */
    public void leave() {
        memberUntil = Instant.EPOCH;
        nodes.lockForUpdate(identity.id()).ifPresent(n -> n.leave(clock.instant()));
    }

    /** Whether this node holds a running lease: it may claim jobs, and the others leave its renders alone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isMember() {
        return clock.instant().isBefore(memberUntil);
    }

    /** Whether that node holds a running lease at {@code now}; false for none (a job from before nodes were recorded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isLive(String nodeId, Instant now) {
        return nodeId != null && nodes.find(nodeId).map(n -> n.liveAt(now)).orElse(false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NodeView> nodes() {
        Instant now = clock.instant();
        return nodes.all().stream().map(n -> new NodeView(n.id(), n.appVersion(), n.engines(), n.devices(),
                n.busySlots(), n.slots(), n.heartbeatAt(), n.stateAt(now))).toList();
    }

    private void describe(ClusterNode n, int busySlots) {
        TreeSet<String> devices = new TreeSet<>();
        for (Engine e : engines.all().values()) {
            try {
                devices.add(String.valueOf(e.status().device()));
            } catch (RuntimeException ex) {
                devices.add("unknown");
            }
        }
        n.describe(identity.buildVersion(), String.join(",", new TreeSet<>(engines.all().keySet())),
                String.join(",", devices), engines.renderSlots(), busySlots);
    }
}
