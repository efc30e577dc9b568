package io.reelforge.application;

import java.time.Instant;

/** What a render slot needs to render one claimed generation, read in one transaction. */
public record RenderOrder(String generationId, int attempt, String engine, String prompt, String negativePrompt,
                          int width, int height, int frameCount, int fps, long seed, boolean cameraFixed,
                          String inputImagePath, String outputPath, String posterPath, Instant startedAt) {
}
