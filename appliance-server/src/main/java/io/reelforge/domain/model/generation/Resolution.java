package io.reelforge.domain.model.generation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output sizes offered (16:9). */
public enum Resolution {
    P720("720p", 1280, 720), P1080("1080p", 1920, 1080);

    private final String wireName;
    private final int width;
    private final int height;

    Resolution(String wireName, int width, int height) {
        this.wireName = wireName;
        this.width = width;
        this.height = height;
    }

    public static Optional<Resolution> fromWire(String s) {
        return Arrays.stream(values()).filter(r -> r.wireName.equalsIgnoreCase(s)).findFirst();
    }

    public static String supported() {
        return Arrays.stream(values()).map(Resolution::wireName).collect(Collectors.joining(", "));
    }

    public String wireName() {
        return wireName;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
