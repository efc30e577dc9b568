package io.reelforge.interfaces.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Shapes the OpenAPI document needs that no Java type has: the request bodies (parsed field by field by
 * {@link ClipRequestParser}, which reports each broken rule as a 422) and the concrete pages of the generic
 * {@link PageDto} (their items are pointed at their schema by {@link OpenApiTidy}). Documentation only; nothing is built from them.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @Schema(name = "GenerateRequest", description = "A clip to render.",
            example = "{\"prompt\": \"A cinematic drone shot gliding over a misty mountain valley at dawn\", "
                    + "\"resolution\": \"1080p\", \"duration\": 5}")
    record GenerateRequest(
            @Schema(name = "prompt", required = true, minLength = 1, maxLength = 2000,
                    example = "A cinematic drone shot gliding over a misty mountain valley at dawn")
            String prompt,
            @Schema(name = "resolution", enumeration = {"720p", "1080p"}, defaultValue = "1080p")
            String resolution,
            @Schema(name = "duration", enumeration = {"5"}, defaultValue = "5", description = "Seconds.")
            Integer duration,
            @Schema(name = "camera_fixed", defaultValue = "false", description = "Lock the virtual camera.")
            Boolean cameraFixed,
            @Schema(name = "seed", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = "4294967295",
                    description = "Same prompt and seed give the same clip; random when absent.")
            Long seed,
            @Schema(name = "negative_prompt", maxLength = 2000)
            String negativePrompt) {
    }

    @Schema(name = "GenerateForm", description = "The JSON fields as form parts, plus an optional start image.")
    record GenerateForm(
            @Schema(name = "prompt", required = true, minLength = 1, maxLength = 2000)
            String prompt,
            @Schema(name = "resolution", enumeration = {"720p", "1080p"}, defaultValue = "1080p")
            String resolution,
            @Schema(name = "duration", defaultValue = "5")
            String duration,
            @Schema(name = "camera_fixed", defaultValue = "false")
            String cameraFixed,
            @Schema(name = "seed")
            String seed,
            @Schema(name = "negative_prompt")
            String negativePrompt,
            @Schema(name = "image", type = SchemaType.STRING, format = "binary",
                    description = "PNG, JPEG or WebP; at most 10 MiB, 8192 px a side, 40 MP.")
            String image) {
    }

    @Schema(name = "GenerationPage", description = "A page of generations, newest first.")
    record GenerationPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = GenerationDto.class) List<GenerationDto> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true,
                    description = "Pass as cursor to get the next page, while has_more.") String nextCursor) {
    }

    @Schema(name = "LedgerPage", description = "A page of ledger entries, newest first.")
    record LedgerPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = AccountResource.LedgerEntryDto.class) List<AccountResource.LedgerEntryDto> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "DeliveryPage", description = "A page of webhook delivery attempts, newest first.")
    record DeliveryPage(
            @Schema(name = "data", required = true, type = SchemaType.ARRAY, implementation = WebhookDtos.Delivery.class) List<WebhookDtos.Delivery> data,
            @Schema(name = "has_more", required = true) boolean hasMore,
            @Schema(name = "next_cursor", required = true, nullable = true) String nextCursor) {
    }
}
