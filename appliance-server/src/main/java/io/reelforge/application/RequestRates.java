package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.Caller;

/**
 * The per-key request rate limit: each API key may make its plan's number of requests per minute, counted in
 * a fixed one-minute window that opens with the key's first request. Held in memory: a restart starts every
 * window afresh, which errs on the side of the caller.
 */
@ApplicationScoped
public class RequestRates {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** The state after counting one request: allowed or not, the quota, what is left, when the window resets. */
    public record Count(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    private static final class Window {
        Instant start;
        int used;
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public Count count(Caller caller) {
        int limit = settings.requestsPerMinute(caller.planId());
        Instant now = clock.instant();
        Window w = windows.computeIfAbsent(caller.apiKeyId(), k -> new Window());
        synchronized (w) {
            if (w.start == null || !now.isBefore(w.start.plus(WINDOW))) {
                w.start = now;
                w.used = 0;
            }
            long reset = Math.max(1, (Duration.between(now, w.start.plus(WINDOW)).toMillis() + 999) / 1000);
            if (limit > 0 && w.used >= limit) {
                return new Count(false, limit, 0, reset);
            }
            w.used++;
            return new Count(true, limit, limit <= 0 ? Integer.MAX_VALUE : limit - w.used, reset);
        }
    }
}
