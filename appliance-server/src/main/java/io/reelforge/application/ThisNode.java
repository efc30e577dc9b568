package io.reelforge.application;

/** Who this appliance is among the nodes sharing a database, and which build it runs. Implemented from the node's configuration. */
public interface ThisNode {

    /** The node's id: stable across restarts, distinct for two appliances on one host. */
    String id();

    /** The version of the build this node runs. */
    String buildVersion();
}
