package io.reelforge.application.ops;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether start-up has finished: the bootstrap has brought the API and the job runner up, and the console has
 * loaded. Only then does readiness answer 200 and the log say "Reelforge is ready". Until then readiness answers
 * "starting" without reading a setting: the container answers health probes on its own threads while the
 * application is still deploying, and a setting read there would make the container build the application's
 * configuration without the application's own sources, which then fails the rest of the start (seen with
 * Kubernetes-style probes every 0.5 s).
 */
@ApplicationScoped
public class StartupGate {

    private static final Logger LOG = Logger.getLogger(StartupGate.class.getName());

    private boolean started;
    private boolean consoleLoaded;
    private String readyLine;
    private volatile boolean open;

    /** Called once, by the bootstrap, when the API and the job runner are up; the line is logged on opening. */
    public synchronized void started(String readyLine) {
        this.readyLine = readyLine;
        started = true;
        openWhenComplete();
    }

    /** Called once, by the console's servlet, when Vaadin has initialised (it loads after the API's servlet). */
    public synchronized void consoleLoaded() {
        consoleLoaded = true;
        openWhenComplete();
    }

    public boolean isOpen() {
        return open;
    }

    private void openWhenComplete() {
        if (started && consoleLoaded && !open) {
            open = true;
            LOG.info(readyLine);
        }
    }
}
