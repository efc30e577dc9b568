package io.reelforge.application;

import java.time.Duration;

/** How long a node stays a cluster member without a heartbeat. Implemented by the settings. */
public interface ClusterLease {

    /** Past this without a heartbeat, a node's renders are taken back by the others. */
    Duration clusterLease();
}
