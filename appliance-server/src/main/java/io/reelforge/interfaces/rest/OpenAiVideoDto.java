package io.reelforge.interfaces.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A generation in the OpenAI video shape (snake_case on the wire): {@code status} is {@code queued},
 * {@code in_progress}, {@code completed} or {@code failed}; times are Unix seconds; {@code progress} is 0..100.
 */
@Schema(name = "Video", description = "A generation in the OpenAI video API's shape.")
public record OpenAiVideoDto(
        @Schema(name = "id", required = true, example = "5f0c3a52-8d0e-4a53-9c1e-2b7f1e0d9a11")
        String id,
        @Schema(name = "object", required = true, enumeration = {"video"})
        String object,
        @Schema(name = "model", required = true, example = "sandbox")
        String model,
        @Schema(name = "status", required = true, enumeration = {"queued", "in_progress", "completed", "failed"})
        String status,
        @Schema(name = "progress", required = true, description = "0 to 100.", example = "100")
        int progress,
        @Schema(name = "created_at", required = true, type = SchemaType.INTEGER, format = "int64", description = "Unix seconds.")
        long createdAt,
        @Schema(name = "completed_at", required = true, nullable = true, type = SchemaType.INTEGER, format = "int64",
                description = "Unix seconds.")
        Long completedAt,
        @Schema(name = "expires_at", required = true, nullable = true, type = SchemaType.INTEGER, format = "int64",
                description = "Unix seconds: when the clip is deleted under the retention policy.")
        Long expiresAt,
        @Schema(name = "prompt", required = true)
        String prompt,
        @Schema(name = "seconds", required = true, description = "The clip's length in seconds, as a string.", example = "5")
        String seconds,
        @Schema(name = "size", required = true, example = "1280x720")
        String size,
        @Schema(name = "remixed_from_video_id", required = true, nullable = true, type = SchemaType.STRING)
        String remixedFromVideoId,
        @Schema(name = "error", required = true, nullable = true, ref = "VideoError")
        Error error) {

    @Schema(name = "VideoError", description = "Why a failed video failed.")
    public record Error(@Schema(name = "code", required = true, example = "render.timeout") String code,
                        @Schema(name = "message", required = true) String message) {
    }

    /** {@code GET /v1/videos}: a page, with the ids to page on from. */
    @Schema(name = "VideoPage")
    public record Page(@Schema(name = "object", required = true, enumeration = {"list"}) String object,
                       @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = OpenAiVideoDto.class)
                       List<OpenAiVideoDto> data,
                       @Schema(name = "first_id", required = true, nullable = true, type = SchemaType.STRING) String firstId,
                       @Schema(name = "last_id", required = true, nullable = true, type = SchemaType.STRING) String lastId,
                       @Schema(name = "has_more", required = true) boolean hasMore) {
    }

    /** {@code DELETE /v1/videos/{id}}. */
    @Schema(name = "VideoDeleted")
    public record Deleted(@Schema(name = "id", required = true) String id,
                          @Schema(name = "object", required = true, enumeration = {"video.deleted"}) String object,
                          @Schema(name = "deleted", required = true) boolean deleted) {
    }
}
