package io.reelforge.interfaces.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A generation as the API shows it (snake_case on the wire). */
@Schema(name = "Generation", description = "A video generation job and, once completed, its clip.")
public record GenerationDto(
        @Schema(name = "generation_id", required = true, description = "The job's id (UUID).",
                example = "5f0c3a52-8d0e-4a53-9c1e-2b7f1e0d9a11")
        String generationId,
        @Schema(name = "status", required = true, enumeration = {"queued", "processing", "completed", "failed", "canceled", "expired"},
                example = "completed")
        String status,
        @Schema(name = "queue_position", required = true, nullable = true, example = "2",
                description = "Place in the queue (1 is next) while queued; null otherwise.")
        Integer queuePosition,
        @Schema(name = "estimated_seconds", required = true, type = SchemaType.INTEGER, format = "int64", description = "Expected seconds until completion.", example = "7")
        long estimatedSeconds,
        @Schema(name = "progress", required = true, description = "0.0 to 1.0.", example = "1.0")
        double progress,
        @Schema(name = "credits_used", required = true, type = SchemaType.INTEGER, format = "int64", description = "What the clip cost after refunds.", example = "90")
        long creditsUsed,
        @Schema(name = "processing_ms", required = true, type = SchemaType.INTEGER, format = "int64", description = "Measured render time (elapsed so far while processing).",
                example = "6120")
        long processingMs,
        @Schema(name = "output_url", required = true, nullable = true,
                description = "Signed, expiring download URL of the MP4; set while completed, fresh on each read.",
                example = "http://localhost:8080/v1/files/5f0c3a52-8d0e-4a53-9c1e-2b7f1e0d9a11.mp4?expires=1764100000&signature=…")
        String outputUrl,
        @Schema(name = "thumbnail_url", required = true, nullable = true,
                description = "Signed, expiring URL of a JPEG poster frame; set while completed, fresh on each read.",
                example = "http://localhost:8080/v1/files/5f0c3a52-8d0e-4a53-9c1e-2b7f1e0d9a11.jpg?expires=1764100000&signature=…")
        String thumbnailUrl,
        @Schema(name = "expires_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time",
                description = "When the clip is deleted under the retention policy.")
        Instant expiresAt,
        @Schema(name = "error_code", required = true, nullable = true, example = "render.timeout",
                description = "Why a failed job failed: safety.prompt, render.timeout, render.failed, render.interrupted, render.bad_image, "
                        + "render.write_failed (the clip could not be encoded or saved: storage full or read-only).")
        String errorCode,
        @Schema(name = "error_message", required = true, nullable = true)
        String errorMessage,
        @Schema(name = "created_at", required = true, type = SchemaType.STRING, format = "date-time")
        Instant createdAt,
        @Schema(name = "started_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
        Instant startedAt,
        @Schema(name = "completed_at", required = true, nullable = true, type = SchemaType.STRING, format = "date-time")
        Instant completedAt,
        @Schema(name = "engine", required = true, example = "sandbox")
        String engine,
        @Schema(name = "model", required = true, nullable = true, example = "sandbox-procedural")
        String model,
        @Schema(name = "model_version", required = true, nullable = true, example = "1")
        String modelVersion,
        @Schema(name = "native_size", required = true, nullable = true, example = "1920x1080",
                description = "The size the model rendered at before any upscaling.")
        String nativeSize,
        @Schema(name = "steps", required = true, nullable = true, example = "0")
        Integer steps,
        @Schema(name = "upscaled", required = true, nullable = true, example = "false")
        Boolean upscaled,
        @Schema(name = "mode", required = true, enumeration = {"live", "test"}, example = "live")
        String mode,
        @Schema(name = "attempts", required = true, example = "1")
        int attempts,
        @Schema(name = "request", required = true, ref = "GenerationRequest")
        RequestEcho request) {

    /** The request as it will be (or was) rendered, seed included. */
    @Schema(name = "GenerationRequest", description = "The request as it will be (or was) rendered, seed included.")
    public record RequestEcho(
            @Schema(name = "prompt", required = true, example = "A cinematic drone shot gliding over a misty mountain valley at dawn")
            String prompt,
            @Schema(name = "negative_prompt", required = true, example = "")
            String negativePrompt,
            @Schema(name = "resolution", required = true, enumeration = {"720p", "1080p"}, example = "1080p")
            String resolution,
            @Schema(name = "aspect_ratio", required = true, enumeration = {"16:9", "9:16", "1:1"}, example = "16:9")
            String aspectRatio,
            @Schema(name = "duration", required = true, example = "5")
            int duration,
            @Schema(name = "camera_fixed", required = true, example = "false")
            boolean cameraFixed,
            @Schema(name = "seed", required = true, type = SchemaType.INTEGER, format = "int64", example = "123")
            long seed,
            @Schema(name = "image", required = true, description = "Whether a start image was given.", example = "false")
            boolean image,
            @Schema(name = "width", required = true, example = "1920")
            int width,
            @Schema(name = "height", required = true, example = "1080")
            int height,
            @Schema(name = "fps", required = true, example = "24")
            int fps,
            @Schema(name = "frames", required = true, example = "120")
            int frames) {
    }
}
