package io.reelforge.application;

import java.time.Duration;
import java.util.Optional;

/** The sandbox engine's least render time (test pacing), which estimates start from. Implemented by the settings. */
public interface SandboxPace {

    /** {@code reelforge.engine.sandbox.min-render-time}, empty when unset. */
    Optional<Duration> sandboxMinRenderTime();
}
