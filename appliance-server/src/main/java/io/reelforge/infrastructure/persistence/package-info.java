/**
 * Persistence: the data sources, the schema migrations (Liquibase, run before JPA is used), and the JPA
 * repositories behind the domain's repository interfaces.
 */
package io.reelforge.infrastructure.persistence;
