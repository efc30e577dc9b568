package io.reelforge.remote;

import java.net.URI;
import java.time.Instant;

/**
 * One upstream server as the pool sees it: its health (from the last check, or a connection that just failed),
 * a cool-down after it answered 429 or 503, and the renders this appliance has on it now against its limit.
 * Guarded by the pool's lock.
 */
final class Upstream {

    private final URI base;
    private final int limit;
    /** A console-managed upstream's own key (null: none); configured ones use the engine's {@code api-key}. */
    private final String apiKey;
    private final boolean managed;
    private boolean checked;
    private int inFlight;
    private boolean healthy;
    private String health = "not checked yet";
    private Instant coolUntil = Instant.MIN;

    Upstream(URI base, int limit) {
        this(base, limit, null, false);
    }

    Upstream(URI base, int limit, String apiKey, boolean managed) {
        this.base = base;
        this.limit = limit;
        this.apiKey = apiKey;
        this.managed = managed;
    }

    String apiKey() {
        return apiKey;
    }

    boolean managed() {
        return managed;
    }

    int limit() {
        return limit;
    }

    /** Whether a health check (or a failed call) has said anything about it yet. */
    boolean checked() {
        return checked;
    }

    String health() {
        return health;
    }

    boolean busy(Instant now) {
        return now.isBefore(coolUntil);
    }

    URI base() {
        return base;
    }

    /** {@code {base}/{path}}, e.g. {@code videos/abc/content}. */
    URI resolve(String path) {
        return URI.create(base + "/" + path);
    }

    /** The server's root: the base without its trailing {@code /v1}. */
    URI root(String path) {
        String b = base.toString();
        return URI.create(b.substring(0, b.length() - "/v1".length()) + path);
    }

    int free() {
        return limit - inFlight;
    }

    int inFlight() {
        return inFlight;
    }

    boolean usable(Instant now) {
        return healthy && free() > 0 && !now.isBefore(coolUntil);
    }

    boolean healthy() {
        return healthy;
    }

    void take() {
        inFlight++;
    }

    void release() {
        inFlight = Math.max(0, inFlight - 1);
    }

    void health(boolean up, String why) {
        checked = true;
        healthy = up;
        health = why;
    }

    void coolUntil(Instant until) {
        if (until.isAfter(coolUntil)) {
            coolUntil = until;
        }
    }

    /** e.g. {@code http://gpu-1:8000/v1 up, 1/2 in flight} or {@code … down (connection refused), 0/2 in flight}. */
    String describe(Instant now) {
        return base + " " + (healthy ? "up" : "down (" + health + ")")
                + (healthy && now.isBefore(coolUntil) ? " busy" : "") + ", " + inFlight + "/" + limit + " in flight";
    }
}
