package io.reelforge.models;

/** What a model renders for one request before any resize: its size, frame count and frame rate. */
public record NativePlan(NativeSize size, int frames, int fps) {

    /** Seconds of video the plan covers. */
    public double seconds() {
        return frames / (double) fps;
    }
}
