package io.reelforge.application;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The renders running in this process and the stop requests for them (a cancel, a shutdown). A render polls
 * its entry between frames or steps, so a stop takes effect within one of them.
 */
@ApplicationScoped
public class RenderSignals {

    /** Stop codes, as they end up in {@code error_code}. */
    public static final String CANCELED = "render.canceled";
    public static final String SHUTDOWN = "render.shutdown";

    private static final String NONE = "";

    private final Map<String, String> running = new ConcurrentHashMap<>();

    /** Registers a render; false if one for this id already runs here. */
    public boolean begin(String generationId) {
        return running.putIfAbsent(generationId, NONE) == null;
    }

    public void end(String generationId) {
        running.remove(generationId);
    }

    public void stop(String generationId, String code) {
        running.computeIfPresent(generationId, (k, v) -> code);
    }

    public void stopAll(String code) {
        running.replaceAll((k, v) -> code);
    }

    public Optional<String> stopRequested(String generationId) {
        String s = running.get(generationId);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public Set<String> runningIds() {
        return Set.copyOf(running.keySet());
    }

    public boolean isRunning(String generationId) {
        return running.containsKey(generationId);
    }
}
