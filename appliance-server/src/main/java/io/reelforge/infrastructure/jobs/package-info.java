/**
 * The Quartz job runner on the appliance's own database (JDBC JobStore): renders, retention, the watchdog,
 * webhook deliveries.
 * Jobs are thin triggers that call the application layer; they run on container-managed threads, so
 * transactions and injection work in them as in a request.
 */
package io.reelforge.infrastructure.jobs;
