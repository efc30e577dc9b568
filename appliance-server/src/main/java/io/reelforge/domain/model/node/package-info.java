/** The appliances (nodes) that share one database: identity, capabilities, heartbeat and lease. */
package io.reelforge.domain.model.node;
