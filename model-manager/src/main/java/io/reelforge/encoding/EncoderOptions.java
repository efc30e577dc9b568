package io.reelforge.encoding;

import java.util.Objects;

/**
 * How to encode. {@code codec} is an FFmpeg encoder name such as {@code libopenh264}, or {@code auto}.
 *
 * @param crf     constant rate factor for encoders that have one (libx264), 0..51; lower is better
 * @param bitrate target video bits per second; 0 lets the encoder choose (CRF where there is one, else a
 *                rate scaled by frame size and rate)
 * @param preset  speed preset for encoders that have one (libx264), e.g. {@code veryfast}
 */
public record EncoderOptions(String codec, int crf, int bitrate, String preset) {

    public static final String AUTO = "auto";

    public EncoderOptions {
        codec = codec == null || codec.isBlank() ? AUTO : codec.trim();
        preset = preset == null || preset.isBlank() ? "veryfast" : preset.trim();
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be 0..51: " + crf);
        }
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate must not be negative: " + bitrate);
        }
    }

    /**
     * The best H.264 encoder this FFmpeg build has; CRF 23 and preset veryfast where that is libx264. The bundled
     * FFmpeg (LGPL) has no libx264: its libopenh264 takes a bitrate scaled by frame size and rate ({@code CodecTuning}).
     */
    public static EncoderOptions defaults() {
        return new EncoderOptions(AUTO, 23, 0, "veryfast");
    }

    public EncoderOptions withCodec(String name) {
        return new EncoderOptions(Objects.requireNonNull(name, "name"), crf, bitrate, preset);
    }

    public boolean autoCodec() {
        return AUTO.equalsIgnoreCase(codec);
    }
}
