package io.reelforge.application;

import java.time.Duration;

/** How often live status streams hear from the appliance when nothing changes. Implemented by the settings. */
public interface LiveKeepAlive {

    /** How often a live status stream gets a keep-alive comment (and every watched generation is re-read). */
    Duration liveKeepAlive();
}
