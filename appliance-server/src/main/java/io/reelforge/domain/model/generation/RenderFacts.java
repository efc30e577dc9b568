package io.reelforge.domain.model.generation;

/** What the engine reported about a finished render. */
public record RenderFacts(String model, String modelVersion, int nativeWidth, int nativeHeight, int steps, boolean upscaled) {
}
