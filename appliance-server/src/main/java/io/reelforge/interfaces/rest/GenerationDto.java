package io.reelforge.interfaces.rest;

import java.time.Instant;

/** A generation as the API shows it (snake_case on the wire). */
public record GenerationDto(
        String generationId,
        String status,
        long estimatedSeconds,
        double progress,
        long creditsUsed,
        long processingMs,
        String outputUrl,
        Instant expiresAt,
        String errorCode,
        String errorMessage,
        Instant createdAt,
        Instant startedAt,
        Instant completedAt,
        String engine,
        String model,
        String modelVersion,
        String nativeSize,
        Integer steps,
        Boolean upscaled,
        String mode,
        int attempts,
        RequestEcho request) {

    /** The request as it will be (or was) rendered, seed included. */
    public record RequestEcho(String prompt, String negativePrompt, String resolution, int duration, boolean cameraFixed,
                              long seed, boolean image, int width, int height, int fps, int frames) {
    }
}
