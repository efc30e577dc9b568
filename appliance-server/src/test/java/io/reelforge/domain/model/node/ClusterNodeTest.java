package io.reelforge.domain.model.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ClusterNodeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(15);

    @Test
    void aNodeIsLiveWhileItsLeaseRuns() {
        ClusterNode n = new ClusterNode("a", T0);
        n.started(T0, LEASE);
        assertTrue(n.liveAt(T0.plusSeconds(14)));
        assertEquals("up", n.stateAt(T0.plusSeconds(14)));
        assertFalse(n.liveAt(T0.plusSeconds(15)), "the lease lapsed: no heartbeat since");
        assertEquals("lost", n.stateAt(T0.plusSeconds(15)));
        n.heartbeat(T0.plusSeconds(20), LEASE);
        assertTrue(n.liveAt(T0.plusSeconds(30)), "a node that comes back is a member again");
    }

    @Test
    void aCleanStopEndsTheLeaseAtOnce() {
        ClusterNode n = new ClusterNode("a", T0);
        n.started(T0, LEASE);
        n.leave(T0.plusSeconds(1));
        assertFalse(n.liveAt(T0.plusSeconds(1)));
        assertEquals("left", n.stateAt(T0.plusSeconds(2)));
        n.started(T0.plusSeconds(3), LEASE);
        assertEquals("up", n.stateAt(T0.plusSeconds(4)));
    }
}
