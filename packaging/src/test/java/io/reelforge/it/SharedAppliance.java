package io.reelforge.it;

import java.util.Map;

/**
 * One appliance with default settings, shared by the test classes that need no special settings (a boot
 * costs seconds). Renders are paced to 3 s so jobs can be caught while queued or processing.
 */
final class SharedAppliance {

    private static Appliance instance;

    private SharedAppliance() {
    }

    static synchronized Appliance get() throws Exception {
        if (instance == null) {
            instance = Appliance.start("shared", Map.of("engine.sandbox.min-render-time", "PT3S"));
            Appliance a = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    a.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        return instance;
    }
}
