package io.reelforge.sdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code POST /v1/video/generate}. Unset fields are left out, so the appliance's defaults apply.
 * An image (path, bytes or stream) makes it image-to-video, sent as multipart.
 */
public final class VideoRequest {
    private final Map<String, Object> fields;
    private final byte[] image;
    private final String imageName;

    private VideoRequest(Builder b) {
        this.fields = new LinkedHashMap<>(b.fields);
        this.image = b.image;
        this.imageName = b.imageName;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A request with just a prompt. */
    public static VideoRequest of(String prompt) {
        return builder().prompt(prompt).build();
    }

    Transport.Call toCall() {
        if (image == null) {
            return Transport.Call.json("POST", "/v1/video/generate", fields);
        }
        String boundary = "reelforge-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        String type = URLConnection.guessContentTypeFromName(imageName);
        try {
            String sniffed = URLConnection.guessContentTypeFromStream(new java.io.ByteArrayInputStream(image));
            if (sniffed != null) {
                type = sniffed;
            }
        } catch (IOException ignored) {
            // keep the name's guess
        }
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\""
                + imageName.replace("\"", "") + "\"\r\nContent-Type: " + (type == null ? "application/octet-stream" : type)
                + "\r\n\r\n");
        out.writeBytes(image);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Transport.Call("POST", "/v1/video/generate", Map.of(), out.toByteArray(),
                "multipart/form-data; boundary=" + boundary, Map.of(), true, java.time.Duration.ZERO);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private byte[] image;
        private String imageName;

        private Builder() {
        }

        public Builder prompt(String v) { return put("prompt", v); }
        /** 720p or 1080p. */
        public Builder resolution(String v) { return put("resolution", v); }
        /** Seconds; 5. */
        public Builder duration(int v) { return put("duration", v); }
        /** 16:9, 9:16 or 1:1. */
        public Builder aspectRatio(String v) { return put("aspect_ratio", v); }
        public Builder cameraFixed(boolean v) { return put("camera_fixed", v); }
        public Builder seed(long v) { return put("seed", v); }
        public Builder negativePrompt(String v) { return put("negative_prompt", v); }
        public Builder webhookUrl(String v) { return put("webhook_url", v); }

        /** The start image from a file. */
        public Builder image(Path path) {
            try {
                return image(Files.readAllBytes(path), path.getFileName().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The start image's bytes, with a file name such as {@code cat.png}. */
        public Builder image(byte[] data, String fileName) {
            this.image = Objects.requireNonNull(data).clone();
            this.imageName = Objects.requireNonNull(fileName);
            return this;
        }

        /** The start image from a stream (read now, so a retry sends the same bytes; the caller closes it). */
        public Builder image(InputStream in, String fileName) {
            try {
                return image(in.readAllBytes(), fileName);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Builder put(String k, Object v) {
            if (v == null) {
                fields.remove(k);
            } else {
                fields.put(k, v);
            }
            return this;
        }

        public VideoRequest build() {
            return new VideoRequest(this);
        }
    }
}
