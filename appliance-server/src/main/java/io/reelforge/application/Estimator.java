package io.reelforge.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * Time estimates from measured render times: the median of the latest renders on the same engine and frame size
 * measured at the concurrency the clip will render at (a prior until there are any), plus the wait for a render
 * slot: the renders running and the jobs queued ahead, each taking the slot that frees first. While a job renders, its remaining time comes from its progress and the time it has
 * taken so far.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Estimator {

    /**
     * Renders in the median: the latest few, so the estimate follows the machine's pace as other work on it comes
     * and goes (a median of fifteen lagged a change of load by fifteen renders of the size).
     */
    private static final int SAMPLE = 5;
    /** The latest renders of the size read to find SAMPLE at one concurrency among them. */
    private static final int READ = 30;
    /** Renders measured at the expected concurrency before they are trusted over scaled ones. */
    private static final int MIN_SAME = 3;

    @Inject
    GenerationRepository generations;

    @Inject
    SandboxPace sandbox;

    @Inject
    EngineCatalog engines;

    @Inject
    Clock clock;

    /**
     * Expected render time of one clip on this engine at this frame size (a square 720p clip is not a wide one), when
     * it renders beside as many others as are rendering and queued now (up to the render slots): renders share the
     * machine, so one measured alone says little about one among four. The median of the latest renders measured at
     * that concurrency; without enough of them, the latest at any concurrency scaled to it; a prior until there are any.
     */
    public long renderMs(String engine, int width, int height) {
        long waiting = generations.countByStatus(GenerationStatus.PROCESSING) + generations.countByStatus(GenerationStatus.QUEUED);
        int concurrency = (int) Math.max(1, Math.min(engines.renderSlots(), waiting + 1));
        return renderMs(generations.recentRenderTimes(engine, width, height, READ), concurrency)
                .orElseGet(() -> prior(engine, (long) width * height));
    }

    /** The estimate from measured renders for {@code concurrency} renders at once; empty when there are none. */
    static java.util.OptionalLong renderMs(List<GenerationRepository.RenderTime> recent, int concurrency) {
        List<Long> same = new ArrayList<>();
        List<Long> scaled = new ArrayList<>();
        for (GenerationRepository.RenderTime t : recent) {
            if (t.concurrency() == concurrency) {
                same.add(t.ms());
            }
            if (scaled.size() < SAMPLE) {
                scaled.add(t.ms() * concurrency / Math.max(1, t.concurrency()));
            }
        }
        List<Long> sample = same.size() >= MIN_SAME ? same.subList(0, Math.min(SAMPLE, same.size())) : scaled;
        if (sample.isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        List<Long> sorted = new ArrayList<>(sample);
        Collections.sort(sorted);
        return java.util.OptionalLong.of(sorted.get(sorted.size() / 2));
    }

    /**
     * Remaining render time: early on the estimate made at submission; as progress is reported, more and more
     * the time taken so far extrapolated over the progress, so a render that overruns its estimate is not
     * reported as about to finish.
     */
    static long remainingMs(long estimateMs, long elapsedMs, double progress) {
        double p = Math.max(0, Math.min(1, progress));
        double byEstimate = Math.max(estimateMs, elapsedMs);
        // progress is noisy in the first steps (warm-up): fully trusted from a quarter of the way on
        double trust = Math.min(1, 4 * p);
        double total = p > 0 ? trust * (elapsedMs / p) + (1 - trust) * byEstimate : byEstimate;
        long left = (long) (total - elapsedMs);
        // past the estimate and not done: at least a second more, never "done now" while it is not
        return Math.max(left, p < 1 && elapsedMs >= estimateMs ? 1000 : 0);
    }

    /** Seconds until the job is expected to be done: its own render plus, when queued, the queue ahead. */
    public long secondsToFinish(Generation g) {
        Instant now = clock.instant();
        if (g.status() == GenerationStatus.PROCESSING) {
            return remainingMs(g, now) / 1000 + 1;
        }
        if (g.status() != GenerationStatus.QUEUED) {
            return 0;
        }
        List<Long> rendering = new ArrayList<>();
        for (Generation p : generations.byStatus(GenerationStatus.PROCESSING)) {
            // Not itself: a job read as queued may be rendering already (the dispatcher claims it right after the
            // submission commits, while the reply is still being made); it is not ahead of itself.
            if (!p.id().equals(g.id())) {
                rendering.add(remainingMs(p, now));
            }
        }
        List<Long> queuedAhead = generations.queuedBefore(g.createdAt(), g.id()).stream()
                .map(Generation::estimatedRenderMs).toList();
        return (startsInMs(rendering, queuedAhead, engines.renderSlots()) + g.estimatedRenderMs()) / 1000 + 1;
    }

    /**
     * When a job queued now starts: each slot is free once its render ends, each job queued ahead takes the slot
     * that frees first, and the job takes the next. A free slot means no wait, however much is rendering beside it
     * (spreading all the work ahead over the slots said a clip that starts at once waits for a share of it).
     */
    static long startsInMs(List<Long> renderingLeftMs, List<Long> queuedAheadMs, int slots) {
        java.util.PriorityQueue<Long> freeAt = new java.util.PriorityQueue<>(renderingLeftMs);
        while (freeAt.size() < Math.max(1, slots)) {
            freeAt.add(0L);
        }
        for (long next : queuedAheadMs) {
            freeAt.add(freeAt.poll() + next);
        }
        return freeAt.poll();
    }

    /** For a 429: seconds until the first of these in-flight jobs is expected to end, at least one. */
    public long retryAfterSeconds(List<Generation> inFlight) {
        return Math.max(1, inFlight.stream().mapToLong(this::secondsToFinish).min().orElse(1));
    }

    private long remainingMs(Generation g, Instant now) {
        long elapsed = g.startedAt() == null ? 0 : Duration.between(g.startedAt(), now).toMillis();
        return remainingMs(g.estimatedRenderMs(), Math.max(0, elapsed), g.progress());
    }

    private long prior(String engine, long pixels) {
        boolean fullHd = pixels > 1280L * 720;
        if ("sandbox".equals(engine)) {
            long pace = sandbox.sandboxMinRenderTime().map(Duration::toMillis).orElse(0L);
            return Math.max(pace, fullHd ? 6_000 : 3_000);
        }
        return fullHd ? 150_000 : 90_000;
    }
}
