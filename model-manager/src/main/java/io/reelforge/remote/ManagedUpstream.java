package io.reelforge.remote;

import java.net.URI;

/**
 * An upstream added in the console, as the engine takes it: its base URL (checked with
 * {@link RemoteEngine#baseUrl(String)}), its own in-flight limit and its own key (null: none is sent).
 */
public record ManagedUpstream(URI base, int maxInFlight, String apiKey) {

    public ManagedUpstream {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be 1 or more: " + maxInFlight);
        }
    }

    @Override
    public String toString() {
        return base + " (" + maxInFlight + " in flight)"; // never the key
    }
}
