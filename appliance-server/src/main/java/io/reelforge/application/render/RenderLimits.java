package io.reelforge.application.render;

import java.time.Duration;

/** The appliance's settings for rendering and keeping clips. Implemented by the settings. */
public interface RenderLimits {

    /** The stored setting an admin changes the retention with in the console; it wins over the configured one. */
    String OUTPUT_RETENTION = "reelforge.output.retention";

    /** From the render's start to the moment it is stopped as timed out. */
    Duration renderTimeout();

    /** How often a job interrupted by a lost node or a restart is queued again before it fails. */
    int maxRenderAttempts();

    /** How long a finished clip is kept. */
    Duration outputRetention();
}
