package io.reelforge.sandbox;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineProvider;
import io.reelforge.engine.EngineSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Service-loader entry for the sandbox engine. Setting {@value #MIN_RENDER_TIME} (ISO-8601, e.g. {@code PT20S})
 * makes every render take at least that long (read at each render's start); {@value #FPS} makes every clip come
 * out at that frame rate.
 */
public final class SandboxEngineProvider implements EngineProvider {

    public static final String MIN_RENDER_TIME = "min-render-time";
    /** Test setting: every clip comes out at this frame rate (0: the requested one), as from a 16 fps model. */
    public static final String FPS = "fps";

    @Override
    public String id() {
        return SandboxEngine.ID;
    }

    @Override
    public Engine create(EngineSettings settings) {
        // The pacing is read again at each render: it may be changed while the appliance runs (a test's set-up).
        return new SandboxEngine(() -> minRenderTime(settings), settings.integer(FPS, 0));
    }

    private static Duration minRenderTime(EngineSettings settings) {
        try {
            return settings.duration(MIN_RENDER_TIME, Duration.ZERO);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("sandbox setting " + MIN_RENDER_TIME
                    + " must be an ISO-8601 duration such as PT20S: " + e.getParsedString(), e);
        }
    }
}
