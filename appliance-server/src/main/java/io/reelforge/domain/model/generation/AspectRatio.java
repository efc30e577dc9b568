package io.reelforge.domain.model.generation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The frame shape: landscape (the default), portrait for Reels, TikTok and Shorts, or square. The
 * resolution names the short side, so 1080p portrait is 1080x1920 and 1080p square 1080x1080.
 */
public enum AspectRatio {
    LANDSCAPE("16:9", 16, 9), PORTRAIT("9:16", 9, 16), SQUARE("1:1", 1, 1);

    private final String wireName;
    private final int across;
    private final int down;

    AspectRatio(String wireName, int across, int down) {
        this.wireName = wireName;
        this.across = across;
        this.down = down;
    }

    public static Optional<AspectRatio> fromWire(String s) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(s)).findFirst();
    }

    public static String supported() {
        return Arrays.stream(values()).map(AspectRatio::wireName).collect(Collectors.joining(", "));
    }

    public String wireName() {
        return wireName;
    }

    public int width(Resolution resolution) {
        return resolution.shortSide() * across / Math.min(across, down);
    }

    public int height(Resolution resolution) {
        return resolution.shortSide() * down / Math.min(across, down);
    }

    /** The resolution and aspect that make exactly this frame size, if any: the OpenAI surface's {@code size}. */
    public static Optional<Frame> ofSize(int width, int height) {
        for (Resolution r : Resolution.values()) {
            for (AspectRatio a : values()) {
                if (a.width(r) == width && a.height(r) == height) {
                    return Optional.of(new Frame(r, a));
                }
            }
        }
        return Optional.empty();
    }

    /** Every frame size offered, as {@code WxH}. */
    public static String supportedSizes() {
        return Arrays.stream(Resolution.values())
                .flatMap(r -> Arrays.stream(values()).map(a -> a.width(r) + "x" + a.height(r)))
                .collect(Collectors.joining(", "));
    }

    /** A resolution with an aspect ratio: one frame size. */
    public record Frame(Resolution resolution, AspectRatio aspectRatio) {
        public int width() {
            return aspectRatio.width(resolution);
        }

        public int height() {
            return aspectRatio.height(resolution);
        }
    }
}
