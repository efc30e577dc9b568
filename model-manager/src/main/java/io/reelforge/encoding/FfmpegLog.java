package io.reelforge.encoding;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * FFmpeg logs to stderr at INFO by default: stream dumps and OpenH264 warnings for every file, noise in a
 * server log. Only errors are kept; failures reach callers as exceptions anyway. The level is global to the
 * process, and this package is the only FFmpeg user in the appliance.
 */
final class FfmpegLog {

    static {
        av_log_set_level(AV_LOG_ERROR);
    }

    private FfmpegLog() {
    }

    /** Sets the level once, the first time any encoding class is used. */
    static void quiet() {
        // the work is done by the static initialiser
    }
}
