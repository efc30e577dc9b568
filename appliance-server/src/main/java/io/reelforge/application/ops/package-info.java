/**
 * Operating the appliance: the metrics facade every layer records into (requests, renders, credits, webhook
 * attempts), facts counted once their transaction commits, the drain state of a stopping appliance, the start-up
 * gate, the job counts behind the queue gauges, the log lines' tags, the ledger's reconciliation, and the ports of
 * the host's side (its folders, the database's online backup). The CLI's use cases, which also make console users,
 * are in {@code application.maintenance}, so that console administration uses this package without a cycle.
 */
package io.reelforge.application.ops;
