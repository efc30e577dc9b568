package io.reelforge.domain.model.generation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output sizes offered, by their short side; {@link AspectRatio} gives the long one. */
public enum Resolution {
    P720("720p", 720), P1080("1080p", 1080);

    private final String wireName;
    private final int shortSide;

    Resolution(String wireName, int shortSide) {
        this.wireName = wireName;
        this.shortSide = shortSide;
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

    public int shortSide() {
        return shortSide;
    }
}
