package io.reelforge.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** {@code client.video()}: submit, read, wait for, cancel and list jobs. */
public final class VideoService {
    /** waitFor's default timeout. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(10);
    /** waitFor's default poll interval (the least time between reads when a long-poll comes back early unchanged). */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration LONG_POLL = Duration.ofSeconds(30);

    private final Transport transport;

    VideoService(Transport transport) {
        this.transport = transport;
    }

    /** Submits a job and returns it at once (queued); {@link #waitFor} or the job's save/download wait for it. */
    public Generation generate(VideoRequest request) {
        Transport.Response r = transport.send(request.toCall());
        try {
            return Transport.JSON.readValue(r.body(), Generation.class).bind(this)
                    .replayed("true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(null)));
        } catch (java.io.IOException e) {
            throw new ReelforgeException("the answer to generate is not a generation", e);
        }
    }

    public Generation get(String id) {
        return transport.json(Transport.Call.get(path(id)), Generation.class).bind(this);
    }

    /** Cancels a queued or processing job (refunded); a finished one throws {@link ConflictException}. */
    public Generation cancel(String id) {
        return transport.json(Transport.Call.json("POST", path(id) + "/cancel", null), Generation.class).bind(this);
    }

    /** {@link #waitFor(String, Duration, Duration)} with a 10 minute timeout and a 2 s poll interval. */
    public Generation waitFor(String id) {
        return waitFor(id, DEFAULT_WAIT_TIMEOUT, DEFAULT_POLL_INTERVAL);
    }

    /** {@link #waitFor(String, Duration, Duration)} with a 2 s poll interval. */
    public Generation waitFor(String id, Duration timeout) {
        return waitFor(id, timeout, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Blocks until the job ends, long-polling {@code GET /v1/video/{id}} with {@code Prefer: wait}, so a change
     * arrives at once. Named waitFor (like {@code Process.waitFor}) because {@code wait} is Object's.
     *
     * @return the completed job
     * @throws GenerationFailedException when it ended failed, canceled or expired
     * @throws TimeoutException when {@code timeout} passed first
     */
    public Generation waitFor(String id, Duration timeout, Duration pollInterval) {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new TimeoutException("generation " + id + " did not end within " + timeout + " (status " + last + ")", null);
            }
            Duration wait = left.compareTo(LONG_POLL) > 0 ? LONG_POLL : left;
            Transport.Call call = Transport.Call.get(path(id));
            if (wait.toSeconds() > 0) {
                call = call.withHeader("Prefer", "wait=" + wait.toSeconds(), wait);
            }
            Instant started = Instant.now();
            Generation g = transport.json(call, Generation.class).bind(this);
            switch (g.status()) {
                case "completed":
                    return g;
                case "failed", "canceled", "expired":
                    throw new GenerationFailedException(g);
                default:
                    break;
            }
            Duration took = Duration.between(started, Instant.now());
            if (g.status().equals(last) && took.compareTo(pollInterval) < 0) {
                Duration pause = pollInterval.minus(took);
                Duration remaining = Duration.between(Instant.now(), deadline);
                sleep(pause.compareTo(remaining) > 0 ? remaining : pause);
            }
            last = g.status();
        }
    }

    /** Every job, newest first; the pager fetches the next page itself. */
    public AutoPager<Generation> list() {
        return list(null, 0);
    }

    /**
     * Jobs with this status (null: all), newest first, {@code pageSize} per request (0: the appliance's 20),
     * following {@code next_cursor} as the iteration goes.
     */
    public AutoPager<Generation> list(String status, int pageSize) {
        Map<String, String> q = new LinkedHashMap<>();
        if (status != null) {
            q.put("status", status);
        }
        return new AutoPager<>(transport, "/v1/video", q, pageSize, Generation.class, g -> g.bind(this));
    }

    byte[] file(String signedUrl) {
        // The signature authorises the file and the URL may name another host: the key is not sent.
        Transport.Call c = new Transport.Call("GET", Objects.requireNonNull(signedUrl, "no output URL"), Map.of(), null,
                null, Map.of(), false, Duration.ZERO);
        return transport.send(c).body();
    }

    private static String path(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("generation id must not be empty");
        }
        return "/v1/video/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReelforgeException("interrupted while waiting", e);
        }
    }
}
