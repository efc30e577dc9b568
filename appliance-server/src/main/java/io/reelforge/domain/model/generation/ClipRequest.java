package io.reelforge.domain.model.generation;

/**
 * What the caller asked for, already validated. {@code seed} is always set: a request without one gets a
 * random seed that is echoed back, so any clip can be made again. {@code image} is an uploaded start image,
 * already checked, or null.
 */
public record ClipRequest(String prompt, String negativePrompt, Resolution resolution, AspectRatio aspectRatio,
                          int durationSeconds, boolean cameraFixed, long seed, byte[] image) {

    public static final int FPS = 24;
    public static final int[] SUPPORTED_DURATIONS = {5};
    public static final int MAX_PROMPT = 2000;

    public int width() {
        return aspectRatio.width(resolution);
    }

    public int height() {
        return aspectRatio.height(resolution);
    }

    public int frameCount() {
        return durationSeconds * FPS;
    }

    public boolean hasImage() {
        return image != null;
    }
}
