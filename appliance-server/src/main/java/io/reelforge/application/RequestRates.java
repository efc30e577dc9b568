package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.domain.model.ratelimit.RequestWindow;
import io.reelforge.domain.model.ratelimit.RequestWindowRepository;

/**
 * The per-key request rate limit: each API key may make its plan's number of requests per minute, counted in
 * a fixed one-minute window that opens with the key's first request. The window is a database row, so every
 * appliance sharing the database counts against the same one (a restart keeps it); a plan without a limit
 * writes nothing.
 */
@ApplicationScoped
public class RequestRates {

    public static final Duration WINDOW = Duration.ofMinutes(1);

    /** The state after counting one request: allowed or not, the quota, what is left, when the window resets. */
    public record Count(boolean allowed, int limit, int remaining, long resetSeconds) {
    }

    @Inject
    RequestLimits settings;

    @Inject
    RequestWindowRepository windows;

    @Inject
    Clock clock;

    public Count count(Caller caller) {
        int limit = settings.requestsPerMinute(caller.planId());
        if (limit <= 0) {
            return new Count(true, limit, Integer.MAX_VALUE, WINDOW.toSeconds());
        }
        Instant now = clock.instant();
        RequestWindow.Outcome o;
        try {
            o = windows.count(caller.apiKeyId(), now, limit, WINDOW);
        } catch (RuntimeException firstRowRace) {
            // Another request (here or on another node) made the key's first window row at the same moment.
            o = windows.count(caller.apiKeyId(), now, limit, WINDOW);
        }
        long reset = Math.max(1, (Duration.between(now, o.closesAt()).toMillis() + 999) / 1000);
        return new Count(o.allowed(), limit, Math.max(0, limit - o.used()), reset);
    }
}
