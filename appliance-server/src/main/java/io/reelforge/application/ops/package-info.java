/**
 * Operating the appliance: the metrics facade every layer records into (requests, renders, credits, webhook
 * attempts), the drain state of a stopping appliance, the job counts behind the queue gauges, and maintenance
 * for the host's administrator through the {@code reelforge} CLI (an online backup of the embedded database,
 * console admin accounts for when nobody can log in), reached only through the loopback-only, token-guarded
 * {@code /ops} endpoints.
 */
package io.reelforge.application.ops;
