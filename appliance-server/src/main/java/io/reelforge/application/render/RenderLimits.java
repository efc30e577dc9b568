package io.reelforge.application.render;

import java.time.Duration;

/** How long a render may run, from the appliance's settings. */
public interface RenderLimits {

    /** From the render's start to the moment it is stopped as timed out. */
    Duration renderTimeout();
}
