/**
 * The metrics facade ({@link io.reelforge.application.ops.OpsMetrics}) on Micrometer's Prometheus registry,
 * served as Prometheus text at {@code /metrics} (series {@code reelforge_*} with {@code mp_scope="application"},
 * JVM series with {@code mp_scope="base"}).
 */
package io.reelforge.infrastructure.metrics;
