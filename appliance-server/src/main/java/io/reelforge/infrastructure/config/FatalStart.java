package io.reelforge.infrastructure.config;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A start that cannot complete ends the process with a non-zero status: Payara Micro would otherwise keep a
 * live JVM with no application deployed (404 on every route, queued jobs never run), which neither systemd nor
 * Kubernetes restarts. The exit runs on its own thread, after the container has logged the failed deployment.
 */
public final class FatalStart {

    /** The exit status of a failed start (systemd's unit restarts on it; {@code make run} shows the reason). */
    public static final int STATUS = 3;
    private static final Logger LOG = Logger.getLogger(FatalStart.class.getName());

    private FatalStart() {
    }

    /** Logs why, schedules the exit, and returns the exception that fails the deployment now. */
    public static IllegalStateException exit(String what, Exception cause) {
        LOG.log(Level.SEVERE, "Reelforge could not start (" + what + "): " + cause.getMessage()
                + "; the process exits with status " + STATUS, cause);
        Thread exit = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(STATUS);
        }, "reelforge-failed-start-exit");
        exit.setDaemon(false);
        exit.start();
        return new IllegalStateException("Reelforge could not start: " + cause.getMessage(), cause);
    }
}
