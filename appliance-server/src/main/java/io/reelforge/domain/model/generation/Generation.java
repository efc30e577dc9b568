package io.reelforge.domain.model.generation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import io.reelforge.domain.model.account.KeyMode;

/**
 * One requested clip. Transitions are methods here and refuse what the state machine does not allow:
 * queued → processing → completed | failed | canceled, queued → failed | canceled, completed → expired, and
 * processing → queued once when a render was interrupted by a restart or its node was lost. A processing job
 * belongs to the node that claimed it ({@code renderNode}); only that node renders, completes or fails it.
 */
@Entity
@Table(name = "RF_GENERATION", indexes = {
        @Index(name = "RF_GEN_ACCOUNT", columnList = "ACCOUNTID, CREATEDAT"),
        @Index(name = "RF_GEN_STATUS", columnList = "STATUS, CREATEDAT"),
        @Index(name = "RF_GEN_CREATED", columnList = "CREATEDAT, ID"),
        @Index(name = "RF_GEN_ENGINE", columnList = "ENGINE, CREATEDAT"),
        @Index(name = "RF_GEN_FINISHED", columnList = "FINISHEDAT")},
        uniqueConstraints = @UniqueConstraint(name = "RF_GEN_IDEMPOTENCY", columnNames = "IDEMPOTENCYKEY"))
public class Generation {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 36)
    private String accountId;

    @Column(nullable = false, length = 36)
    private String apiKeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private KeyMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private GenerationStatus status;

    @Column(nullable = false, length = 8000)
    private String prompt;

    @Column(length = 8000)
    private String negativePrompt;

    @Column(nullable = false, length = 8)
    private String resolution;

    /** Null on rows from before aspect ratios: those are all 16:9. */
    @Column(length = 8)
    private String aspectRatio;

    private int width;
    private int height;
    private int durationSeconds;
    private int fps;
    private int frameCount;
    private boolean cameraFixed;
    private long seed;

    @Column(length = 300)
    private String inputImagePath;

    @Column(nullable = false, length = 40)
    private String engine;

    @Column(length = 120)
    private String model;

    @Column(length = 40)
    private String modelVersion;

    private int nativeWidth;
    private int nativeHeight;
    private int steps;
    private boolean upscaled;

    private long creditsCharged;
    private double progress;
    private int attempts;
    private long estimatedRenderMs;

    @Column(length = 60)
    private String errorCode;

    @Column(length = 1000)
    private String errorMessage;

    @Column(nullable = false)
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant expiresAt;
    private Long processingMs;

    /** How many renders ran at once during this one (the most seen at its start and at its end): its render time's context. */
    private Integer renderConcurrency;

    @Column(length = 300)
    private String outputPath;

    /** Where to send this generation's end event, besides the account's endpoints; null for none. */
    @Column(length = 2000)
    private String webhookUrl;

    /** The API base URL the generation was submitted to, for the URLs in its webhook body. */
    @Column(length = 300)
    private String apiBase;
    private long outputBytes;

    /** The node that claimed the job while it is processing; null otherwise. */
    @Column(length = 100)
    private String renderNode;

    /**
     * The {@code Idempotency-Key} it was submitted with, as the hash of account and key (the key's record id);
     * null for none. Written in the transaction that inserts the row and debits the price, under a unique
     * constraint: a retry finds the generation here, whatever became of the stored answer.
     */
    @Column(length = 64)
    private String idempotencyKey;

    /** Set when the owner deleted it: the files are gone, the row stays for the ledger, the API no longer shows it. */
    private Instant deletedAt;

    @Version
    private long version;

    protected Generation() {
    }

    public Generation(String accountId, String apiKeyId, KeyMode mode, ClipRequest request, String engine,
                      long creditsCharged, long estimatedRenderMs, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.accountId = accountId;
        this.apiKeyId = apiKeyId;
        this.mode = mode;
        this.status = GenerationStatus.QUEUED;
        this.prompt = request.prompt();
        this.negativePrompt = request.negativePrompt();
        this.resolution = request.resolution().wireName();
        this.aspectRatio = request.aspectRatio().wireName();
        this.width = request.width();
        this.height = request.height();
        this.durationSeconds = request.durationSeconds();
        this.fps = ClipRequest.FPS;
        this.frameCount = request.frameCount();
        this.cameraFixed = request.cameraFixed();
        this.seed = request.seed();
        this.engine = engine;
        this.creditsCharged = creditsCharged;
        this.estimatedRenderMs = estimatedRenderMs;
        this.createdAt = now;
    }

    /** Binds an idempotency key (the hash of account and key) to this generation; null binds none. */
    public void submittedUnder(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public void notifyWhenEnded(String webhookUrl, String apiBase) {
        this.webhookUrl = webhookUrl;
        this.apiBase = apiBase;
    }

    public void attachInputImage(String relativePath) {
        this.inputImagePath = relativePath;
    }

    /** Claims the job for a render slot of this node; counts the attempt. */
    public void start(Instant now, String node) {
        start(now, node, 0);
    }

    /**
     * As {@link #start(Instant, String)}; {@code rendering} counts the renders running
     * on the node with it, itself included (0 when unknown).
     */
    public void start(Instant now, String node, int rendering) {
        require(status == GenerationStatus.QUEUED, "start");
        status = GenerationStatus.PROCESSING;
        renderNode = node;
        startedAt = now;
        renderConcurrency = rendering > 0 ? rendering : null;
        progress = 0;
        attempts++;
    }

    public void reportProgress(double p) {
        if (status == GenerationStatus.PROCESSING) {
            progress = Math.max(progress, Math.min(1.0, p));
        }
    }

    public void complete(String relativeOutputPath, long bytes, RenderFacts facts, Duration retention, Instant now) {
        require(status == GenerationStatus.PROCESSING, "complete");
        status = GenerationStatus.COMPLETED;
        renderNode = null;
        outputPath = relativeOutputPath;
        outputBytes = bytes;
        progress = 1.0;
        model = facts.model();
        modelVersion = facts.modelVersion();
        nativeWidth = facts.nativeWidth();
        nativeHeight = facts.nativeHeight();
        steps = facts.steps();
        upscaled = facts.upscaled();
        finish(now);
        expiresAt = now.plus(retention);
    }

    /** Ends the job as failed; returns false when it had already ended (nothing to refund then). */
    public boolean fail(String code, String message, Instant now) {
        if (status.terminal()) {
            return false;
        }
        status = GenerationStatus.FAILED;
        renderNode = null;
        errorCode = code;
        errorMessage = message;
        finish(now);
        return true;
    }

    /** Cancels a queued or processing job; a finished one cannot be canceled. */
    public void cancel(Instant now) {
        require(status.inFlight(), "cancel");
        status = GenerationStatus.CANCELED;
        renderNode = null;
        errorCode = "canceled";
        errorMessage = "Canceled by the caller.";
        finish(now);
    }

    /** A render that a restart interrupted goes back to the queue if it may be tried again. */
    public boolean requeueAfterInterruption(int maxAttempts) {
        require(status == GenerationStatus.PROCESSING, "requeue");
        if (attempts >= maxAttempts) {
            return false;
        }
        status = GenerationStatus.QUEUED;
        renderNode = null;
        startedAt = null;
        progress = 0;
        return true;
    }

    /** Returns a render stopped by a shutdown to the queue; the attempt it used does not count. */
    public void handBack() {
        require(status == GenerationStatus.PROCESSING, "hand back");
        status = GenerationStatus.QUEUED;
        renderNode = null;
        startedAt = null;
        progress = 0;
        attempts = Math.max(0, attempts - 1);
    }

    public void expire(Instant now) {
        require(status == GenerationStatus.COMPLETED, "expire");
        status = GenerationStatus.EXPIRED;
        outputPath = null;
    }

    /** The owner deletes a finished generation; its stored files are the caller's to remove. */
    public void delete(Instant now) {
        require(status.terminal(), "delete");
        deletedAt = now;
        outputPath = null;
    }

    /** Whether this attempt of the render is still the given node's to finish: processing, claimed by it, not retried since. */
    public boolean renderingOn(String node, int attempt) {
        return status == GenerationStatus.PROCESSING && node.equals(renderNode) && attempts == attempt;
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return status == GenerationStatus.COMPLETED && expiresAt != null && !now.isBefore(expiresAt);
    }

    private void finish(Instant now) {
        finishedAt = now;
        if (startedAt != null) {
            processingMs = Duration.between(startedAt, now).toMillis();
        }
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalStateException("cannot " + transition + " a " + status.wireName() + " generation");
        }
    }

    public String id() { return id; }
    public String accountId() { return accountId; }
    public String apiKeyId() { return apiKeyId; }
    public KeyMode mode() { return mode; }
    public GenerationStatus status() { return status; }
    public String prompt() { return prompt; }
    public String negativePrompt() { return negativePrompt; }
    public String resolution() { return resolution; }
    public String aspectRatio() { return aspectRatio == null ? AspectRatio.LANDSCAPE.wireName() : aspectRatio; }
    public int width() { return width; }
    public int height() { return height; }
    public int durationSeconds() { return durationSeconds; }
    public int fps() { return fps; }
    public int frameCount() { return frameCount; }
    public boolean cameraFixed() { return cameraFixed; }
    public long seed() { return seed; }
    public String inputImagePath() { return inputImagePath; }
    public String engine() { return engine; }
    public String model() { return model; }
    public String modelVersion() { return modelVersion; }
    public int nativeWidth() { return nativeWidth; }
    public int nativeHeight() { return nativeHeight; }
    public int steps() { return steps; }
    public boolean upscaled() { return upscaled; }
    public long creditsCharged() { return creditsCharged; }

    /**
     * What the clip costs the account in the end, as the ledger has it (debit less refund): nothing once failed or
     * canceled, else the charge. The API's {@code credits_used}, the console's column and its sort all read this rule.
     */
    public long creditsSpent() {
        return status.refunded() ? 0 : creditsCharged;
    }
    public double progress() { return progress; }
    public int attempts() { return attempts; }
    public long estimatedRenderMs() { return estimatedRenderMs; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public Instant createdAt() { return createdAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Long processingMs() { return processingMs; }

    public Integer renderConcurrency() { return renderConcurrency; }

    /** Notes that {@code rendering} renders (itself included) run at once now; the most seen is kept. */
    public void seeConcurrentRenders(int rendering) {
        if (status == GenerationStatus.PROCESSING) {
            renderConcurrency = renderConcurrency == null ? rendering : Math.max(renderConcurrency, rendering);
        }
    }
    public String outputPath() { return outputPath; }
    public long outputBytes() { return outputBytes; }
    /** Grows with every change to the row (status, progress): live status events are numbered by it. */
    public long version() { return version; }
    public String webhookUrl() { return webhookUrl; }
    public String renderNode() { return renderNode; }
    public String apiBase() { return apiBase; }
    public String idempotencyKey() { return idempotencyKey; }
}
