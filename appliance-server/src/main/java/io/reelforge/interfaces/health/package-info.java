/**
 * MicroProfile Health checks, served by Payara Micro at {@code /health/live} and {@code /health/ready}:
 * readiness covers the database, the storage root (writable, enough free space), the default engine, the job
 * runner and whether the appliance is draining for a stop.
 */
package io.reelforge.interfaces.health;
