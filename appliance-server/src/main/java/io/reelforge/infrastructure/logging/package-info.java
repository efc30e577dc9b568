/**
 * Structured logs: one line per record as JSON or key=value ({@code reelforge.log.format}), carrying the
 * request and generation ids of the thread that logged, with keys, secrets, passwords and URL signatures
 * masked before anything is written.
 */
package io.reelforge.infrastructure.logging;
