package io.reelforge.application.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.Dispatcher;
import io.reelforge.application.EngineCatalog;
import io.reelforge.application.OutputStorage;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.RenderOrder;
import io.reelforge.application.RenderSignals;
import io.reelforge.application.ops.LogTags;
import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.domain.model.generation.RenderFacts;
import io.reelforge.engine.Engine;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderDeferredException;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.imaging.ImageInput;
import io.reelforge.imaging.ImageLimits;

/**
 * Renders one claimed generation: the engine's frames stream straight into the clip's encoder, progress and stop
 * requests cross at every frame, and the outcome goes back to the lifecycle (complete, fail and refund, hand back).
 * No transaction is held while rendering. The render threads of this node run it.
 */
@ApplicationScoped
public class RenderGeneration {

    private static final Logger LOG = Logger.getLogger(RenderGeneration.class.getName());

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    RenderSignals signals;

    @Inject
    EngineCatalog engines;

    @Inject
    OutputStorage store;

    @Inject
    ClipEncoder clips;

    @Inject
    RenderLimits limits;

    @Inject
    LogTags logTags;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    OpsMetrics metrics;

    public void run(String generationId, int attempt) {
        if (!signals.begin(generationId)) {
            return;
        }
        logTags.clear();
        logTags.generation(generationId);
        try {
            Optional<RenderOrder> order = lifecycle.order(generationId, attempt);
            if (order.isPresent()) {
                long started = System.nanoTime();
                String outcome = render(order.get());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                metrics.render(order.get().engine(), resolution(order.get()), outcome, took);
                LOG.info(() -> "render " + outcome + " engine=" + order.get().engine() + " resolution="
                        + resolution(order.get()) + " attempt=" + attempt + " ms=" + took.toMillis());
            } else {
                // Canceled (or taken over) between the claim and this thread; said, so a job left processing shows.
                LOG.info(() -> "render skipped: not processing at attempt " + attempt);
            }
        } finally {
            logTags.clear();
            signals.end(generationId);
            dispatcher.dispatch();
        }
    }

    /** 720p, 1080p: the short side, whatever the aspect ratio. */
    private static String resolution(RenderOrder order) {
        return Math.min(order.width(), order.height()) + "p";
    }

    /**
     * Renders and returns the outcome for the metrics: completed, canceled, handed_back, deferred, taken (the job
     * was taken from this node after its lease lapsed), or the error code.
     */
    private String render(RenderOrder order) {
        Path target = store.prepare(order.outputPath());
        Instant deadline = order.startedAt().plus(limits.renderTimeout());
        try {
            Engine engine = engines.engine(order.engine());
            int fps = engine.frameRate(order.fps());
            int frames = fps == order.fps() ? order.frameCount()
                    : (int) Math.round(order.frameCount() * (double) fps / order.fps());
            RenderSpec spec = new RenderSpec(order.prompt(), order.negativePrompt(), order.width(), order.height(),
                    frames, fps, order.seed(), order.cameraFixed(), startImage(order));
            RenderReport report;
            ClipEncoder.OpenClip clip = clips.open(target, order.width(), order.height(), fps, frames);
            try (clip) {
                report = engine.render(spec, clip, new Control(order.generationId(), order.attempt(), deadline));
                clip.finish();
            }
            clip.writePoster(store.prepare(order.posterPath()));
            RenderFacts facts = new RenderFacts(report.model(), report.modelVersion(), report.nativeWidth(),
                    report.nativeHeight(), report.steps(), report.upscaled());
            return switch (lifecycle.complete(order.generationId(), order.attempt(), Files.size(target), facts)) {
                case COMPLETED -> "completed";
                case ENDED -> {
                    discard(order);
                    yield "canceled";
                }
                // The clip's paths are the job's, whoever renders it now: nothing here is deleted.
                case TAKEN -> "taken";
            };
        } catch (RenderDeferredException e) {
            discard(order);
            lifecycle.handBack(order.generationId(), order.attempt());
            LOG.info(() -> "render deferred, queued again: " + e.getMessage());
            return "deferred";
        } catch (RenderCancelledException e) {
            if (RenderSignals.TAKEN.equals(e.code())) {
                // Another node renders the job now, to the same paths: leave them alone.
                return "taken";
            }
            discard(order);
            // A shutdown's render is handed back by the stopping application; a cancel has ended the job already.
            if (RenderSignals.SHUTDOWN.equals(e.code())) {
                return "handed_back";
            }
            if (RenderSignals.CANCELED.equals(e.code())) {
                return "canceled";
            }
            lifecycle.fail(order.generationId(), order.attempt(), e.code(), e.getMessage());
            return e.code();
        } catch (RenderException e) {
            if (ENCODER_FAULT.equals(e.code())) {
                return writeFailed(order, e);
            }
            discard(order);
            lifecycle.fail(order.generationId(), order.attempt(), e.code(), e.getMessage());
            return e.code();
        } catch (java.io.IOException e) {
            return writeFailed(order, e);
        } catch (Exception | LinkageError | OutOfMemoryError e) {
            // Whatever broke, the job must end (and be refunded), never stay processing.
            // The whole chain in the line itself (e.g. the MP4 that could not be opened and why), not only in the trace.
            LOG.log(Level.WARNING, "render of " + order.generationId() + " failed: " + causes(e), e);
            discard(order);
            lifecycle.fail(order.generationId(), order.attempt(), "render.failed", "The render failed: " + e.getClass().getSimpleName());
            return "render.failed";
        }
    }

    /** The encoder's own code for a frame it could not write; told to clients as {@link #WRITE_FAILED}. */
    private static final String ENCODER_FAULT = "encode.failed";
    /** The one documented code for a clip that could not be encoded or stored (full or read-only disk, I/O error). */
    static final String WRITE_FAILED = "render.write_failed";

    /**
     * An encoder or storage fault: the details (FFmpeg's, the file system's) go to the log; the client gets one
     * code and a message for people.
     */
    private String writeFailed(RenderOrder order, Exception e) {
        LOG.log(Level.WARNING, "render of " + order.generationId() + " could not be written: " + causes(e), e);
        discard(order);
        lifecycle.fail(order.generationId(), order.attempt(), WRITE_FAILED, "The clip could not be encoded or saved to the appliance's "
                + "storage (it may be full or read-only); it was refunded. Try again once the storage is available.");
        return WRITE_FAILED;
    }

    /** "Type: message" of a failure and each of its causes, outermost first. */
    static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (b.length() > 0) {
                b.append(" <- caused by ");
            }
            b.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    private void discard(RenderOrder order) {
        store.delete(order.outputPath());
        store.delete(order.posterPath());
    }

    private BufferedImage startImage(RenderOrder order) throws IOException, RenderException {
        if (order.inputImagePath() == null) {
            return null;
        }
        byte[] data = Files.readAllBytes(store.resolve(order.inputImagePath()));
        try {
            return ImageInput.decode(data, ImageLimits.defaults());
        } catch (io.reelforge.imaging.ImageRejectedException e) {
            throw new RenderException("render.bad_image", "The start image could not be decoded: " + e.getMessage(), e);
        }
    }

    /** Progress goes to the database at most every half second; stop requests and the deadline are checked every call. */
    private final class Control implements io.reelforge.engine.RenderControl {
        private final String id;
        private final int attempt;
        private final Instant deadline;
        private long lastWrite;

        Control(String id, int attempt, Instant deadline) {
            this.id = id;
            this.attempt = attempt;
            this.deadline = deadline;
        }

        @Override
        public void checkpoint(double progress) throws RenderCancelledException {
            Optional<String> stop = signals.stopRequested(id);
            if (stop.isPresent()) {
                throw new RenderCancelledException(stop.get(), "The render was stopped.");
            }
            if (clock.instant().isAfter(deadline)) {
                throw new RenderCancelledException("render.timeout",
                        "The render did not finish within its time limit of " + limits.renderTimeout().toSeconds() + " s.");
            }
            long now = System.nanoTime();
            if (now - lastWrite > 500_000_000L || progress >= 1.0) {
                lastWrite = now;
                try {
                    lifecycle.progress(id, attempt, progress);
                } catch (RuntimeException e) {
                    // A cancel committed in between; the next checkpoint sees its stop request.
                    LOG.log(Level.FINE, "progress of " + id + " not recorded", e);
                }
            }
        }
    }
}
