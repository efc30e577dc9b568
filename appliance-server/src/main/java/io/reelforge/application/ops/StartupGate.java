package io.reelforge.application.ops;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether start-up has finished. Until it has, readiness answers "starting" without reading a setting: the
 * container answers health probes on its own threads while the application is still deploying, and a setting
 * read there would make the container build the application's configuration without the application's own
 * sources, which then fails the rest of the start (seen with Kubernetes-style probes every 0.5 s).
 */
@ApplicationScoped
public class StartupGate {

    private volatile boolean open;

    /** Called once, by the bootstrap, when the API and the job runner are up. */
    public void open() {
        open = true;
    }

    public boolean isOpen() {
        return open;
    }
}
