package io.reelforge.engine;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;

/**
 * What to render: the output size, frame count and rate are final (the encoder gets exactly these),
 * the rest is the user's request.
 *
 * @param image a decoded, size-checked start image for image-to-video, or null for text-to-video
 */
public record RenderSpec(
        String prompt,
        String negativePrompt,
        int width,
        int height,
        int frameCount,
        int fps,
        long seed,
        boolean cameraFixed,
        BufferedImage image) {

    public RenderSpec {
        Objects.requireNonNull(prompt, "prompt");
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("frame size must be positive and even: " + width + "x" + height);
        }
        if (frameCount <= 0 || fps <= 0) {
            throw new IllegalArgumentException("frameCount and fps must be positive");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
    }

    public Optional<BufferedImage> startImage() {
        return Optional.ofNullable(image);
    }
}
