package io.reelforge.encoding;

import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Per-encoder settings: x264 has CRF and presets, OpenH264 and hardware encoders only a target bitrate. */
final class CodecTuning {

    /** A key frame every two seconds keeps seeking in a browser player quick. */
    private static final int GOP_SECONDS = 2;

    /**
     * OpenH264 threads only across slices. Four slices encoded 1080p a third faster on two cores than one
     * slice; a fixed count (not one per core) keeps the output identical from machine to machine.
     */
    private static final String OPENH264_SLICES = "4";

    private CodecTuning() {
    }

    static void apply(FFmpegFrameRecorder recorder, String codec, EncoderOptions options, int width, int height, int fps) {
        recorder.setGopSize(GOP_SECONDS * fps);
        if (H264Encoders.X264.equals(codec)) {
            // JavaCV's default is 400 kbit/s; bitrate 0 hands rate control to CRF
            recorder.setVideoBitrate(options.bitrate());
            if (options.bitrate() == 0) {
                recorder.setVideoOption("crf", Integer.toString(options.crf()));
            }
            recorder.setVideoOption("preset", options.preset());
            return;
        }
        recorder.setVideoBitrate(options.bitrate() > 0 ? options.bitrate() : BitrateGuide.bitsPerSecond(width, height, fps));
        if (H264Encoders.OPENH264.equals(codec)) {
            recorder.setVideoOption("slices", OPENH264_SLICES);
            // High profile (CABAC) came out a fifth smaller than the constrained baseline default; browsers play both
            recorder.setVideoOption("profile", "high");
        }
    }
}
