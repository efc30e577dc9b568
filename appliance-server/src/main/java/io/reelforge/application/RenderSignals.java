package io.reelforge.application;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The renders running in this process and the stop requests for them (a cancel on this node or, noticed by the
 * heartbeat, on another; a shutdown; a job taken from this node). A render polls its entry between frames or
 * steps, so a stop takes effect within one of them.
 */
@ApplicationScoped
public class RenderSignals {

    /** Stop codes, as they end up in {@code error_code}. */
    public static final String CANCELED = "render.canceled";
    public static final String SHUTDOWN = "render.shutdown";
    /** The job is no longer this node's: its lease lapsed and another node took it back. */
    public static final String TAKEN = "render.taken";

    private static final String NONE = "";

    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    /** Notes a job this process claimed for a slot, before its render thread picks it up. */
    public void claim(String generationId) {
        claimed.add(generationId);
    }

    private volatile boolean stopping;

    /** Registers a render; false if one for this id already runs here, or the process is stopping. */
    public boolean begin(String generationId) {
        return !stopping && running.putIfAbsent(generationId, NONE) == null;
    }

    /** A render is over; once the process is stopping, it stays owned, so the stop still notes it. */
    public void end(String generationId) {
        running.remove(generationId);
        if (!stopping) {
            claimed.remove(generationId);
        }
    }

    public void stop(String generationId, String code) {
        running.computeIfPresent(generationId, (k, v) -> code);
    }

    /** Stops every render, and any that was about to start, for good: the process is going down. */
    public void stopAll(String code) {
        stopping = true;
        claimed.addAll(running.keySet());
        running.replaceAll((k, v) -> code);
    }

    public Optional<String> stopRequested(String generationId) {
        String s = running.get(generationId);
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    public Set<String> runningIds() {
        return Set.copyOf(running.keySet());
    }

    /**
     * A view of {@link #ownedIds()} bound to this instance rather than to the CDI proxy, for a JVM shutdown
     * hook, which may run after the application context is gone.
     */
    public java.util.function.Supplier<Set<String>> ownedView() {
        return this::ownedIds;
    }

    /** Jobs this process owns: running, or claimed and about to run. */
    public Set<String> ownedIds() {
        Set<String> owned = new java.util.HashSet<>(claimed);
        owned.addAll(running.keySet());
        return Set.copyOf(owned);
    }

    public boolean isRunning(String generationId) {
        return running.containsKey(generationId);
    }
}
