package io.reelforge.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.reelforge.encoding.VideoInfo;
import io.reelforge.engine.EngineStatus;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderDeferredException;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;

/**
 * Renders on upstream GPU servers through their OpenAI-style {@code /v1/videos}: submit to the upstream with the
 * most free capacity, poll it (its {@code progress} becomes the render's), download {@code /content}, check the
 * file and stream its frames, converted to the clip's rate and size, into the appliance's encoder. A stop (cancel,
 * time limit, shutdown) deletes the upstream job. A busy upstream (429, 503) or none with room defers the job
 * (queued again, attempt not spent) after a back-off; a lost connection is retried with back-off, then fails.
 */
public final class RemoteEngine implements UpstreamEngine, AutoCloseable {

    public static final String ID = "remote";

    private static final Logger LOG = Logger.getLogger(RemoteEngine.class.getName());
    private static final Duration BUSY_WAIT = Duration.ofSeconds(2);
    private static final double DOWNLOADED = 0.9;

    private final RemoteSettings settings;
    private final UpstreamClient client;
    private final UpstreamPool pool;

    RemoteEngine(RemoteSettings settings, Clock clock) {
        this.settings = settings;
        this.client = new UpstreamClient(settings);
        this.pool = new UpstreamPool(settings.upstreams().stream().map(u -> new Upstream(u, settings.maxInFlight())).toList(),
                client, settings.policy(), settings.healthInterval(), clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EngineStatus status() {
        if (pool.empty()) {
            return EngineStatus.notReady(ID, "no upstream configured (" + RemoteSettings.PREFIX + "upstreams, or the console)");
        }
        return pool.anyHealthy() ? new EngineStatus(true, ID, pool.describe())
                : EngineStatus.notReady(ID, "no upstream is healthy: " + pool.describe());
    }

    @Override
    public ImageSupport imageSupport() {
        return new ImageSupport(settings.image(), settings.model() == null ? ID : settings.model());
    }

    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        control.checkpoint(0);
        Upstream u = pool.take().orElseThrow(() -> noUpstream(control));
        Path file = null;
        String id = null;
        try {
            JsonNode video = submit(u, spec, control);
            id = video.path("id").asText();
            String model = video.path("model").asText(settings.model() == null ? ID : settings.model());
            follow(u, id, control);
            file = Files.createTempFile("reelforge-remote-", ".mp4");
            download(u, id, file, control);
            VideoInfo info = ClipConverter.check(file, spec);
            ClipConverter.convert(file, info, spec, sink, control, DOWNLOADED, 1.0);
            control.checkpoint(1.0);
            deleteUpstream(u, id);
            return new RenderReport(model, null, info.width(), info.height(), 0,
                    info.width() < spec.width() || info.height() < spec.height());
        } catch (RenderException e) {
            // Stopped here (cancel, time limit, shutdown) or refused here: the upstream job goes too, when reachable.
            if (id != null && !"upstream.unreachable".equals(e.code())) {
                deleteUpstream(u, id);
            }
            throw e;
        } catch (IOException e) {
            throw new RenderException("upstream.bad_video", "The upstream's video could not be stored: " + e.getMessage(), e);
        } finally {
            pool.release(u);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "temporary file left: " + file, e);
                }
            }
        }
    }

    /** No upstream can take the job: wait a little and hand it back while one is merely full or busy, fail when none is up. */
    private RenderException noUpstream(RenderControl control) {
        // Right after a start the first health check may still be running: a job claimed then waits, it does not fail.
        if (pool.checked() && !pool.anyHealthy()) {
            return new RenderException("upstream.unavailable", "No upstream is healthy: " + pool.describe());
        }
        try {
            pause(BUSY_WAIT, control, 0);
        } catch (RenderCancelledException e) {
            return e;
        }
        return new RenderDeferredException("every upstream is busy or full: " + pool.describe());
    }

    private JsonNode submit(Upstream u, RenderSpec spec, RenderControl control) throws RenderException {
        UpstreamClient.Answer a = call(u, control, "submit", () -> client.submit(u, UpstreamClient.form(spec, settings),
                spec.startImage().orElse(null)));
        if (a.busy()) {
            Duration wait = a.retryAfter() == null ? BUSY_WAIT : min(a.retryAfter(), settings.maxBackoff());
            pool.coolDown(u, wait);
            pause(wait, control, 0);
            throw new RenderDeferredException("upstream " + u.base() + " answered " + a.status() + " (" + a.error() + ")");
        }
        if (!a.ok() || a.json() == null || a.json().path("id").asText("").isEmpty()) {
            throw new RenderException("upstream.rejected", "The upstream refused the video (" + a.status() + " " + a.error() + ").");
        }
        return a.json();
    }

    /** Polls until the upstream video is completed; its progress (0..100) becomes most of the render's. */
    private void follow(Upstream u, String id, RenderControl control) throws RenderException {
        double progress = 0;
        while (true) {
            UpstreamClient.Answer a = call(u, control, "retrieve", () -> client.retrieve(u, id));
            if (a.ok() && a.json() != null) {
                JsonNode v = a.json();
                String status = v.path("status").asText("");
                switch (status) {
                    case "completed", "succeeded" -> {
                        return;
                    }
                    case "failed", "cancelled", "canceled" -> throw new RenderException("upstream.failed",
                            "The upstream failed the video: " + errorOf(v));
                    default -> progress = Math.max(progress, Math.min(1, v.path("progress").asDouble(0) / 100) * DOWNLOADED);
                }
            } else if (!a.busy()) {
                throw new RenderException("upstream.failed", "The upstream lost the video (" + a.status() + " " + a.error() + ").");
            }
            pause(settings.pollInterval(), control, progress);
        }
    }

    private void download(Upstream u, String id, Path file, RenderControl control) throws RenderException {
        UpstreamClient.Answer a = call(u, control, "download", () -> client.download(u, id, file));
        if (!a.ok()) {
            throw new RenderException("upstream.failed", "The upstream did not hand over the video (" + a.status() + " " + a.error() + ").");
        }
    }

    private static String errorOf(JsonNode v) {
        JsonNode e = v.path("error");
        return e.isObject() ? e.path("code").asText("") + ": " + e.path("message").asText("") : v.path("status").asText();
    }

    /** Best effort: a stopped render's upstream job is deleted (canceled there), a finished one's file freed. */
    private void deleteUpstream(Upstream u, String id) {
        try {
            UpstreamClient.Answer a = client.delete(u, id);
            if (!a.ok() && a.status() != 404) {
                LOG.warning(() -> "upstream " + u.base() + " did not delete video " + id + ": " + a.status() + " " + a.error());
            }
        } catch (IOException e) {
            LOG.warning(() -> "upstream " + u.base() + " unreachable to delete video " + id + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Call {
        UpstreamClient.Answer run() throws IOException, InterruptedException;
    }

    /**
     * One request; a lost connection or a 5xx other than 503 is retried {@code retries} times with doubling
     * back-off (1 s, 2 s, 4 s…), then the render fails and the upstream is marked down until its next health check.
     */
    private UpstreamClient.Answer call(Upstream u, RenderControl control, String what, Call call) throws RenderException {
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 0; ; attempt++) {
            String why;
            try {
                UpstreamClient.Answer a = call.run();
                if (a.status() < 500 || a.status() == 503) {
                    return a;
                }
                why = "answered " + a.status() + " " + a.error();
            } catch (IOException e) {
                why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderException("render.failed", "interrupted", e);
            }
            if (attempt >= settings.retries()) {
                pool.markDown(u, why);
                throw new RenderException("upstream.unreachable", "The upstream " + u.base() + " failed to " + what
                        + " after " + (attempt + 1) + " tries: " + why);
            }
            String w = why;
            LOG.info(() -> "upstream " + u.base() + " " + what + " failed (" + w + "); retrying");
            pause(backoff, control, -1);
            backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
        }
    }

    /** Waits, answering stop requests within a quarter second; {@code progress} below 0 reports none. */
    private static void pause(Duration wait, RenderControl control, double progress) throws RenderCancelledException {
        long end = System.nanoTime() + wait.toNanos();
        double p = Math.max(0, progress);
        try {
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                control.checkpoint(p);
                Thread.sleep(Math.min(250, Math.max(1, left / 1_000_000)));
            }
            control.checkpoint(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderCancelledException("render.canceled", "interrupted");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** For tests and the console: the settings' upstreams, health and load in one line. */
    public String describe() {
        return pool.describe();
    }

    /** Every upstream, configured then console-managed, with its health and load now. */
    @Override
    public java.util.List<UpstreamState> upstreams() {
        var now = java.time.Instant.now();
        synchronized (pool) {
            return pool.snapshot().stream().map(u -> new UpstreamState(u.base(), u.managed(), u.healthy(), u.health(),
                    u.busy(now), u.inFlight(), u.limit())).toList();
        }
    }

    /**
     * Sets the console-managed upstreams (the enabled ones), beside the configured ones, from now on: no
     * restart. The address policy applies to them as to the configured ones (checked with each health check).
     */
    @Override
    public void manage(java.util.List<ManagedUpstream> managed) {
        pool.manage(managed.stream().map(m -> new Upstream(m.base(), m.maxInFlight(), m.apiKey(), true)).toList());
    }

    /**
     * Checks an upstream URL as the settings do: an http(s) base URL ending in {@code /v1}, without credentials
     * or query; returns it without a trailing slash. Throws {@link IllegalArgumentException} saying why not.
     */
    public static URI baseUrl(String url) {
        return RemoteSettings.upstream(url);
    }

    /** Why the address policy refuses this upstream's host (or it does not resolve), or null when it may be used. */
    @Override
    public String refusal(URI base) {
        return pool.refusal(new Upstream(base, 1));
    }

    /**
     * A connection test with this key: null when the address policy allows the host, the health endpoint answers
     * and the key is taken; else why not.
     */
    @Override
    public String test(URI base, String apiKey) {
        Upstream u = new Upstream(base, 1, apiKey, true);
        String refused = pool.refusal(u);
        return refused != null ? refused : client.test(u);
    }
}
