package io.reelforge.bootstrap;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import io.reelforge.application.ops.Drain;

/**
 * SIGTERM drains before the server stops: new submissions get 503 with Retry-After and no queued job starts,
 * renders in progress get up to the drain timeout to finish, then whatever still renders is stopped and handed
 * back to the queue (for the other nodes), and only then does the process exit (running the server's shutdown,
 * which shuts Derby down). JVM shutdown
 * hooks cannot do this: they run while the server is already undeploying. A second SIGTERM, or a platform
 * without signal support, stops at once as before.
 */
final class DrainOnTerm implements SignalHandler {

    private static final Logger LOG = Logger.getLogger(DrainOnTerm.class.getName());
    private static final Signal TERM = new Signal("TERM");

    private final Drain drain;
    private final Supplier<Set<String>> owned;
    private final Duration timeout;
    private final Runnable handBack;
    // The drain thread calls CDI beans, which find their application through the context class loader.
    private final ClassLoader application = Thread.currentThread().getContextClassLoader();
    private SignalHandler previous;
    private volatile boolean draining;

    private DrainOnTerm(Drain drain, Supplier<Set<String>> owned, Duration timeout, Runnable handBack) {
        this.drain = drain;
        this.owned = owned;
        this.timeout = timeout;
        this.handBack = handBack;
    }

    /** Takes over SIGTERM; null when the platform does not let us (then a stop is immediate). */
    static DrainOnTerm install(Drain drain, Supplier<Set<String>> owned, Duration timeout, Runnable handBack) {
        DrainOnTerm handler = new DrainOnTerm(drain, owned, timeout, handBack);
        try {
            handler.previous = Signal.handle(TERM, handler);
            return handler;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.log(Level.WARNING, "SIGTERM cannot be intercepted here; a stop will not drain", e);
            return null;
        }
    }

    /** Gives SIGTERM back to the JVM's handler (the application is being undeployed). */
    void uninstall() {
        if (previous != null) {
            try {
                Signal.handle(TERM, previous);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.FINE, "SIGTERM handler not restored", e);
            }
        }
    }

    @Override
    public void handle(Signal signal) {
        if (draining) {
            LOG.warning("second SIGTERM: stopping now");
            System.exit(143);
            return;
        }
        draining = true;
        Thread t = new Thread(this::drainThenExit, "reelforge-drain");
        t.setContextClassLoader(application);
        t.setDaemon(false);
        t.start();
    }

    private void drainThenExit() {
        try {
            drain();
            handBack.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "drain failed; stopping now", e);
        } finally {
            System.exit(0);
        }
    }

    private void drain() {
        drain.begin(timeout);
        Set<String> busy = owned.get();
        LOG.info("SIGTERM: draining, taking no new jobs; " + busy.size() + " render(s) in progress get up to "
                + timeout.toSeconds() + " s to finish");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!owned.get().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Set<String> left = owned.get();
        LOG.info(left.isEmpty() ? "drained: no render in progress; stopping"
                : "drain timeout: " + left.size() + " render(s) will be handed back to the queue; stopping");
    }
}
