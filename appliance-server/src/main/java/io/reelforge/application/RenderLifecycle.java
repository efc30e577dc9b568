package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.application.webhooks.WebhookOutbox;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.model.generation.RenderFacts;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.storage.OutputStore;

/**
 * The one owner of the generation state machine after submission: claiming a slot, progress, completion,
 * failure with its refund, cancel, recovery after a restart, the watchdog and retention. Every transition
 * locks the row first, so a cancel racing a completion has exactly one winner and one refund at most.
 */
@ApplicationScoped
@Transactional
public class RenderLifecycle {

    private static final Logger LOG = Logger.getLogger(RenderLifecycle.class.getName());

    @Inject
    GenerationRepository generations;

    @Inject
    Ledger ledger;

    @Inject
    RenderSignals signals;

    @Inject
    OutputStore store;

    @Inject
    Settings settings;

    @Inject
    EngineRegistry engines;

    @Inject
    Event<GenerationChanged> changed;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    Clock clock;

    /** Claims the oldest queued job if a render slot is free. */
    public Optional<RenderOrder> claimNext() {
        long rendering = generations.countByStatus(GenerationStatus.PROCESSING);
        if (rendering >= engines.renderSlots()) {
            return Optional.empty();
        }
        for (Generation candidate : generations.queued(1)) {
            Optional<Generation> locked = generations.lockForUpdate(candidate.id());
            if (locked.isPresent() && locked.get().status() == GenerationStatus.QUEUED) {
                Generation g = locked.get();
                g.start(clock.instant(), (int) rendering + 1);
                changed.fire(new GenerationChanged(g.id(), true));
                // Owned before the commit makes it visible as processing, so a stop at any moment notes it.
                signals.claim(g.id());
                return Optional.of(orderOf(g));
            }
        }
        return Optional.empty();
    }

    /** The order for a render that this process is about to run, if the job is still this attempt's. */
    public Optional<RenderOrder> order(String generationId, int attempt) {
        return generations.find(generationId)
                .filter(g -> g.status() == GenerationStatus.PROCESSING && g.attempts() == attempt)
                .map(this::orderOf);
    }

    public void progress(String generationId, double progress) {
        generations.find(generationId).ifPresent(g -> {
            g.reportProgress(progress);
            changed.fire(new GenerationChanged(g.id(), false));
        });
    }

    /** Records a finished render; false if the job ended meanwhile (canceled), and then the file is the caller's to delete. */
    public boolean complete(String generationId, long bytes, RenderFacts facts) {
        Generation g = generations.lockForUpdate(generationId).orElseThrow();
        if (g.status() != GenerationStatus.PROCESSING) {
            return false;
        }
        g.seeConcurrentRenders((int) generations.countByStatus(GenerationStatus.PROCESSING));
        g.complete(store.outputFor(g.id(), g.createdAt()), bytes, facts, settings.outputRetention(), clock.instant());
        discardInput(g);
        changed.fire(new GenerationChanged(g.id(), true));
        webhooks.generationEnded(g);
        return true;
    }

    /** Fails a job and refunds it, unless it already ended. */
    public void fail(String generationId, String code, String message) {
        generations.lockForUpdate(generationId).ifPresent(g -> end(g, code, message));
    }

    /**
     * Puts a render that could not start yet (its engine deferred it: a busy upstream) back in the queue, without
     * spending its attempt; nothing if the job ended meanwhile.
     */
    public void handBack(String generationId) {
        generations.lockForUpdate(generationId)
                .filter(g -> g.status() == GenerationStatus.PROCESSING)
                .ifPresent(g -> {
                    g.handBack();
                    changed.fire(new GenerationChanged(g.id(), true));
                });
    }

    public Generation cancel(String accountId, String generationId) {
        Generation g = generations.lockForUpdate(generationId)
                .filter(x -> x.accountId().equals(accountId))
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        if (g.status().terminal()) {
            throw new ReelforgeException(ErrorType.CONFLICT, "generation.not_cancelable",
                    "Generation " + generationId + " is already " + g.status().wireName() + " and cannot be canceled.");
        }
        g.cancel(clock.instant());
        ledger.refund(g, "canceled");
        discardInput(g);
        signals.stop(generationId, RenderSignals.CANCELED);
        changed.fire(new GenerationChanged(g.id(), true));
        webhooks.generationEnded(g);
        return g;
    }

    /**
     * The owner deletes a generation: one still queued or rendering is canceled first (and refunded), then its
     * files go. The row stays for the ledger; the API answers 404 for it from then on.
     */
    public Generation delete(String accountId, String generationId) {
        Generation g = generations.lockForUpdate(generationId)
                .filter(x -> x.accountId().equals(accountId) && !x.deleted())
                .orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        if (g.status().inFlight()) {
            cancel(accountId, generationId);
        }
        store.deleteFiles(g.id(), g.createdAt());
        g.delete(clock.instant());
        changed.fire(new GenerationChanged(g.id(), true));
        return g;
    }

    /**
     * After a restart every job still marked processing was interrupted. One that a clean stop handed back goes
     * back to the queue without spending its attempt; one a crash interrupted goes back if it has an attempt
     * left, otherwise it fails and is refunded.
     */
    public int recoverInterrupted(Set<String> handedBack) {
        int n = 0;
        for (Generation g : generations.byStatus(GenerationStatus.PROCESSING)) {
            if (signals.isRunning(g.id())) {
                continue;
            }
            changed.fire(new GenerationChanged(g.id(), true));
            if (handedBack.contains(g.id())) {
                g.handBack();
                LOG.info(() -> "generation " + g.id() + " was stopped by the last shutdown; queued again");
            } else if (!g.requeueAfterInterruption(settings.maxRenderAttempts())) {
                end(g, "render.interrupted", "The render was interrupted " + g.attempts()
                        + " times by a restart of the appliance.");
            }
            n++;
        }
        return n;
    }

    /** Fails processing jobs that no render in this process owns and that are past their time limit. */
    public int failOrphans(Set<String> runningHere) {
        Instant cutoff = clock.instant().minus(settings.renderTimeout()).minus(Duration.ofSeconds(30));
        int n = 0;
        for (Generation g : generations.byStatus(GenerationStatus.PROCESSING)) {
            if (!runningHere.contains(g.id()) && g.startedAt() != null && g.startedAt().isBefore(cutoff)) {
                end(g, "render.timeout", "The render did not finish within its time limit.");
                n++;
            }
        }
        return n;
    }

    /** Deletes outputs past their retention and marks them expired; returns how many. */
    public int expireOutputs(int batch) {
        Instant now = clock.instant();
        int n = 0;
        for (Generation g : generations.expiredOutputs(now, batch)) {
            store.deleteFiles(g.id(), g.createdAt());
            g.expire(now);
            changed.fire(new GenerationChanged(g.id(), true));
            webhooks.generationEnded(g);
            n++;
        }
        return n;
    }

    /** Fails a job that has not ended yet: refunded once, its start image dropped. */
    private void end(Generation g, String code, String message) {
        if (g.fail(code, message, clock.instant())) {
            ledger.refund(g, code);
            discardInput(g);
            changed.fire(new GenerationChanged(g.id(), true));
            webhooks.generationEnded(g);
            LOG.info(() -> "generation " + g.id() + " failed: " + code);
        }
    }

    /** An ended job's uploaded start image is not needed again (a render reads it once, when it starts). */
    private void discardInput(Generation g) {
        store.delete(g.inputImagePath());
    }

    private RenderOrder orderOf(Generation g) {
        return new RenderOrder(g.id(), g.attempts(), g.engine(), g.prompt(), g.negativePrompt(), g.width(), g.height(),
                g.frameCount(), g.fps(), g.seed(), g.cameraFixed(), g.inputImagePath(),
                store.outputFor(g.id(), g.createdAt()), store.fileFor(g.id(), g.createdAt(), ClipFile.THUMBNAIL),
                g.startedAt());
    }
}
