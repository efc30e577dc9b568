package io.reelforge.engine;

/** Whether an engine can render now; {@code detail} says why not, or what it runs on. */
public record EngineStatus(boolean ready, String device, String detail) {

    public static EngineStatus ready(String device) {
        return new EngineStatus(true, device, "ready");
    }

    public static EngineStatus notReady(String device, String why) {
        return new EngineStatus(false, device, why);
    }
}
