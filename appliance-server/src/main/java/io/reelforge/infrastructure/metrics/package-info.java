/**
 * The metrics facade ({@link io.reelforge.application.ops.OpsMetrics}) on MicroProfile Metrics 5.1, which
 * Payara Micro serves as Prometheus text at {@code /metrics} (application scope, names {@code reelforge_*}).
 */
package io.reelforge.infrastructure.metrics;
