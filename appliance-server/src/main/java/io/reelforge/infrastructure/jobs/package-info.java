/**
 * The job runners. Quartz on the appliance's own database (JDBC JobStore, clustered on PostgreSQL) runs the
 * shared maintenance jobs, retention and webhook deliveries, each on one node; {@link NodeTasks} runs what every
 * node does for itself (heartbeat, stop requests, taking back lost renders, the watchdog), {@link SharedStateRefresh}
 * re-reads what other nodes may have changed (settings, signing keys, upstreams, model versions), and renders run on
 * the claiming node's own threads. Jobs are thin triggers that call the application layer; they run on
 * container-managed threads, so transactions and injection work in them as in a request.
 */
package io.reelforge.infrastructure.jobs;
