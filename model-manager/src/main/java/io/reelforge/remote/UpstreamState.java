package io.reelforge.remote;

import java.net.URI;

/**
 * One upstream as the console shows it: configured (settings, read-only) or managed (console), its health
 * ({@code up}, or why not), whether it is cooling down after a 429/503, and this appliance's renders on it.
 */
public record UpstreamState(URI base, boolean managed, boolean healthy, String health, boolean busy, int inFlight,
                            int maxInFlight) {
}
