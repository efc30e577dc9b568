/**
 * Persistence: the data sources, the JPA repositories behind the domain's repository interfaces, and a clean
 * Derby shutdown on stop.
 */
package io.reelforge.infrastructure.persistence;
