package io.reelforge.encoding;

/**
 * What a video file holds, as decoded back by {@link Mp4Probe}.
 *
 * @param codec           the decoder's short name, e.g. {@code h264}
 * @param pixelFormat     e.g. {@code yuv420p}
 * @param frameRate       the stream's average frame rate
 * @param frameCount      frames actually decoded, not the container's estimate
 * @param durationSeconds the container's duration
 */
public record VideoInfo(String codec, String pixelFormat, int width, int height, double frameRate, int frameCount,
                        double durationSeconds) {
}
