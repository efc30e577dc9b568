package io.reelforge.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.reelforge.domain.model.generation.Generation;

/**
 * Pushes generation changes to the clients watching them (Server-Sent Events, long-polls), without a thread
 * per client: committed changes ({@link GenerationChanged}) wake a short refresh on a managed thread, and
 * one shared ticker sends keep-alives and re-reads every watched generation as a safety net. A status change
 * moves every queued job's position, so it refreshes all watchers; progress refreshes only its own.
 */
@ApplicationScoped
public class LiveStatus {

    private static final Logger LOG = Logger.getLogger(LiveStatus.class.getName());

    /** A client watching one generation. Returning false ends its watch. */
    public interface Watcher {
        /** The generation now; called only when it differs from what this watcher last got. */
        boolean changed(Snapshot snapshot);

        /** Nothing changed for a while; an SSE client gets a comment so proxies keep the connection. */
        boolean keepAlive();
    }

    /**
     * A generation as a watcher sees it, with its place in the queue. {@code eventId} changes exactly when the
     * watcher has something new to read: the row's version grows with every change, the queue position moves
     * without one.
     */
    public record Snapshot(Generation generation, Integer queuePosition) {
        public String eventId() {
            return generation.version() + (queuePosition == null ? "" : "-" + queuePosition);
        }
    }

    @Inject
    LiveReads reads;

    @Inject
    LiveKeepAlive settings;

    /**
     * The container's default executor and thread factory, looked up when first needed rather than injected:
     * after a restart, recovery and the first dispatch fire changes from the start-up bean before the web
     * module is up, and an instance made then gets no resource injected.
     */
    volatile ManagedExecutorService executor;

    private final Map<String, List<Entry>> watched = new ConcurrentHashMap<>();
    /**
     * A generation's read and its deliveries happen under one of these, so its watchers get its snapshots in the order
     * they were read: two refreshes at once (a change's, the ticker's, a new watch's) could otherwise deliver an older
     * read after a newer one, and a client would see its clip go back from processing to queued, under an event id it
     * already had. Striped: a lock per generation without a map to clean up.
     */
    private final Object[] readLocks = new Object[64];

    {
        for (int i = 0; i < readLocks.length; i++) {
            readLocks[i] = new Object();
        }
    }
    private final AtomicBoolean tickerStarted = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * The ticker is one thread of its own from the container's thread factory (as the job runner's threads
     * are), started with the application or, should this bean first be made elsewhere (a restart's recovery
     * fires changes before the application is initialised), by the first watch. The default scheduled executor
     * is not bound in every context this bean can be created in, and a long task would hold one of the
     * dispatcher's executor threads.
     */
    void startTicker(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ensureTicker();
    }

    private void ensureTicker() {
        if (tickerStarted.compareAndSet(false, true)) {
            try {
                Thread t = lookup("java:comp/DefaultManagedThreadFactory", ManagedThreadFactory.class).newThread(this::tickLoop);
                t.setName("reelforge-live-status");
                t.setDaemon(true);
                t.start();
            } catch (RuntimeException e) {
                tickerStarted.set(false);
                LOG.log(Level.WARNING, "live status ticker not started here; the next watch starts it", e);
            }
        }
    }

    private ManagedExecutorService executor() {
        ManagedExecutorService e = executor;
        if (e == null) {
            e = lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
            executor = e;
        }
        return e;
    }

    private static <T> T lookup(String name, Class<T> type) {
        try {
            return type.cast(javax.naming.InitialContext.doLookup(name));
        } catch (javax.naming.NamingException e) {
            throw new IllegalStateException("no " + name + " here", e);
        }
    }

    private void tickLoop() {
        long last = System.nanoTime();
        while (!stopped) {
            // Read on each nap: a keep-alive interval changed at run time applies to the wait in progress.
            long next = last + TimeUnit.MILLISECONDS.toNanos(Math.max(100, settings.liveKeepAlive().toMillis()));
            try {
                // Short naps, so a stopping application is not kept waiting for a whole interval.
                Thread.sleep(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!stopped && System.nanoTime() >= next) {
                tick();
                last = System.nanoTime();
            }
        }
    }

    @PreDestroy
    void stopTicker() {
        stopped = true;
    }

    /**
     * Watches one of this account's generations (404 for another's). The watcher is told of the current snapshot
     * at once, on this thread, unless it is the one {@code lastEventId} names (a client resuming where it was),
     * and then of every later one, in order.
     *
     * @return the current snapshot
     */
    public Snapshot watch(String accountId, String generationId, String lastEventId, Watcher watcher) {
        ensureTicker();
        Snapshot now;
        synchronized (readLock(generationId)) {
            now = current(accountId, generationId);
            Entry e = new Entry(watcher, lastEventId);
            // compute, not computeIfAbsent + add: an unwatch emptying the list at the same moment must not orphan e.
            watched.compute(generationId, (k, list) -> {
                List<Entry> l = list == null ? new CopyOnWriteArrayList<>() : list;
                l.add(e);
                return l;
            });
            if (!e.deliver(now)) {
                unwatch(generationId, watcher);
            }
        }
        // A change committed between the read above and the registration would otherwise go unseen.
        executor().execute(() -> refresh(generationId));
        return now;
    }

    /** One of this account's generations as it is now (404 for another's). */
    public Snapshot current(String accountId, String generationId) {
        return reads.current(accountId, generationId);
    }

    /** Ends a watch from outside (a long-poll that timed out, a client that went away). */
    public void unwatch(String generationId, Watcher watcher) {
        watched.computeIfPresent(generationId, (k, list) -> {
            list.removeIf(e -> e.watcher == watcher);
            return list.isEmpty() ? null : list;
        });
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) GenerationChanged event) {
        if (watched.isEmpty()) {
            return;
        }
        executor().execute(() -> {
            if (event.statusChanged()) {
                Set.copyOf(watched.keySet()).forEach(this::refresh);
            } else {
                refresh(event.generationId());
            }
        });
    }

    private void tick() {
        try {
            tickOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "live status tick failed; the next one retries", e);
        }
    }

    private void tickOnce() {
        for (String id : Set.copyOf(watched.keySet())) {
            refresh(id);
            List<Entry> list = watched.get(id);
            if (list != null) {
                list.forEach(e -> {
                    if (!e.keepAlive()) {
                        unwatch(id, e.watcher);
                    }
                });
            }
        }
    }

    /** Reads the generation and tells its watchers, in the order of the reads (see {@link #readLocks}). */
    void refresh(String generationId) {
        synchronized (readLock(generationId)) {
            List<Entry> list = watched.get(generationId);
            if (list == null || list.isEmpty()) {
                return;
            }
            try {
                Snapshot s = reads.current(generationId).orElse(null);
                if (s == null) {
                    list.forEach(e -> unwatch(generationId, e.watcher));
                    return;
                }
                for (Entry e : list) {
                    if (!e.deliver(s)) {
                        unwatch(generationId, e.watcher);
                    }
                }
            } catch (RuntimeException ex) {
                LOG.log(Level.FINE, "live status of " + generationId + " not refreshed; the ticker will retry", ex);
            }
        }
    }

    private Object readLock(String generationId) {
        return readLocks[Math.floorMod(generationId.hashCode(), readLocks.length)];
    }

    /**
     * One watcher and what it got last; deliveries to it never overlap and never repeat a snapshot (nor go back to an
     * older one: they come in the order of the reads, see {@link #readLocks}).
     */
    private static final class Entry {
        private final Watcher watcher;
        private String lastEventId;

        Entry(Watcher watcher, String lastEventId) {
            this.watcher = watcher;
            this.lastEventId = lastEventId;
        }

        synchronized boolean deliver(Snapshot s) {
            if (s.eventId().equals(lastEventId)) {
                return true;
            }
            lastEventId = s.eventId();
            return safely(() -> watcher.changed(s));
        }

        synchronized boolean keepAlive() {
            return safely(watcher::keepAlive);
        }

        private static boolean safely(java.util.function.BooleanSupplier call) {
            try {
                return call.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a live status client failed; its watch ends", e);
                return false;
            }
        }
    }
}
