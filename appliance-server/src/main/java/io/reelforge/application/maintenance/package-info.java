/**
 * Maintenance for the host's administrator through the {@code reelforge} CLI: an online backup of the embedded
 * database, console admin accounts for when nobody can log in, reached only through the loopback-only, token-guarded
 * {@code /ops} endpoints. Apart from {@code application.ops}, which console administration uses: these use cases
 * make console users, so here they depend on both without a cycle between the two.
 */
package io.reelforge.application.maintenance;
