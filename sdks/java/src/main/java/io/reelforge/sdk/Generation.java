package io.reelforge.sdk;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A job as {@code GET /v1/video/{id}} answers it. {@link #save} and {@link #download} wait for completion first
 * when the job has not completed yet.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Generation {
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "canceled", "expired");

    private String generationId;
    private String status;
    private Integer queuePosition;
    private long estimatedSeconds;
    private double progress;
    private long creditsUsed;
    private long processingMs;
    private String outputUrl;
    private String thumbnailUrl;
    private String expiresAt;
    private String errorCode;
    private String errorMessage;
    private String createdAt;
    private String startedAt;
    private String completedAt;
    private String engine;
    private String model;
    private String modelVersion;
    private String nativeSize;
    private String mode;
    private int attempts;
    private Map<String, Object> request;
    @JsonIgnore
    private transient VideoService video;
    @JsonIgnore
    private boolean replayed;

    Generation bind(VideoService v) {
        this.video = v;
        return this;
    }

    Generation replayed(boolean r) {
        this.replayed = r;
        return this;
    }

    public String generationId() { return generationId; }
    /** queued, processing, completed, failed, canceled or expired. */
    public String status() { return status; }
    public Integer queuePosition() { return queuePosition; }
    public long estimatedSeconds() { return estimatedSeconds; }
    public double progress() { return progress; }
    public long creditsUsed() { return creditsUsed; }
    public long processingMs() { return processingMs; }
    public String outputUrl() { return outputUrl; }
    public String thumbnailUrl() { return thumbnailUrl; }
    public String expiresAt() { return expiresAt; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public String createdAt() { return createdAt; }
    public String startedAt() { return startedAt; }
    public String completedAt() { return completedAt; }
    public String engine() { return engine; }
    public String model() { return model; }
    public String modelVersion() { return modelVersion; }
    public String nativeSize() { return nativeSize; }
    public String mode() { return mode; }
    public int attempts() { return attempts; }
    /** The request as the appliance recorded it (prompt, resolution, seed, image: true/false, width, …). */
    public Map<String, Object> request() { return request == null ? Map.of() : request; }
    /** True when the appliance answered a retried POST from its idempotency store. */
    public boolean replayed() { return replayed; }

    public boolean isTerminal() { return TERMINAL.contains(status); }

    private Generation completed() {
        if ("completed".equals(status) && outputUrl != null) {
            return this;
        }
        if (video == null) {
            throw new IllegalStateException("this generation is not bound to a client (e.g. a webhook's data)");
        }
        return video.waitFor(generationId);
    }

    /** The MP4's bytes, after waiting for completion when needed. */
    public byte[] download() {
        Generation done = completed();
        return done.video.file(done.outputUrl);
    }

    /** The JPEG poster frame, after waiting for completion when needed. */
    public byte[] downloadThumbnail() {
        Generation done = completed();
        return done.video.file(done.thumbnailUrl);
    }

    /** Writes the MP4 to {@code path}, after waiting for completion when needed. */
    public Path save(Path path) {
        try {
            return Files.write(path, download());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #save(Path)} with a file name. */
    public Path save(String path) {
        return save(Path.of(path));
    }

    @Override
    public String toString() {
        return "Generation{" + generationId + ", " + status + (errorCode == null ? "" : ", " + errorCode) + "}";
    }
}
