package io.reelforge.application.console;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed attempts per key (a source address, a user name) and how long the next attempt must wait: nothing for
 * the first {@code free} failures, then 1 s, doubling with each further failure up to {@code cap}. A key is
 * forgotten {@code forget} after its last failure, or at once by {@link #clear}. Held in memory: a restart
 * forgets it, which costs an attacker nothing they could not get by waiting.
 */
final class Backoff {

    private static final int MAX_KEYS = 100_000;

    private record State(int failures, Instant last, Instant until) {
    }

    private final Map<String, State> states = new HashMap<>();
    private final int free;
    private final Duration cap;
    private final Duration forget;

    Backoff(int free, Duration cap, Duration forget) {
        this.free = Math.max(0, free);
        this.cap = cap;
        this.forget = forget.compareTo(cap) < 0 ? cap : forget;
    }

    /** How long until this key may try again, if it must wait at all. */
    synchronized Optional<Duration> waitFor(String key, Instant now) {
        State s = states.get(key);
        if (s == null || !now.isBefore(s.until())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.until()));
    }

    synchronized void failed(String key, Instant now) {
        if (states.size() >= MAX_KEYS) {
            states.values().removeIf(s -> s.last().plus(forget).isBefore(now));
        }
        State s = states.get(key);
        int failures = (s == null || s.last().plus(forget).isBefore(now) ? 0 : s.failures()) + 1;
        states.put(key, new State(failures, now, now.plus(delayAfter(failures))));
    }

    synchronized void clear(String key) {
        states.remove(key);
    }

    synchronized int failures(String key, Instant now) {
        State s = states.get(key);
        return s == null || s.last().plus(forget).isBefore(now) ? 0 : s.failures();
    }

    Duration delayAfter(int failures) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
