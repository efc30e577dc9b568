/**
 * The per-key request rate windows, kept in the database so every appliance sharing it counts against the same
 * window.
 */
package io.reelforge.domain.model.ratelimit;
