package io.reelforge.domain.model.generation;

import java.util.Arrays;
import java.util.Optional;

/** The files a completed generation has: the clip and its JPEG poster frame, stored side by side. */
public enum ClipFile {
    VIDEO("video", "mp4", "video/mp4"), THUMBNAIL("thumbnail", "jpg", "image/jpeg");

    private final String variant;
    private final String extension;
    private final String mediaType;

    ClipFile(String variant, String extension, String mediaType) {
        this.variant = variant;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public static Optional<ClipFile> ofVariant(String variant) {
        return Arrays.stream(values()).filter(f -> f.variant.equals(variant)).findFirst();
    }

    public static Optional<ClipFile> ofExtension(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst();
    }

    public String variant() {
        return variant;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The path a signed URL to this file of a generation points at ({@code GET /v1/files/{name}}): the API, the
     * OpenAI-shaped routes and the console's player all sign this one path.
     */
    public String urlPath(String generationId) {
        return "/v1/files/" + generationId + "." + extension;
    }
}
