package io.reelforge.domain.model.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.account.KeyMode;

class GenerationTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final RenderFacts FACTS = new RenderFacts("m", "1", 1920, 1080, 0, false);

    static Generation queued() {
        ClipRequest r = new ClipRequest("sea", "", Resolution.P1080, AspectRatio.LANDSCAPE, 5, false, 7, null);
        return new Generation("acct", "key", KeyMode.LIVE, r, "sandbox", 90, 6000, T0);
    }

    @Test
    void happyPathMeasuresProcessingTimeAndSetsExpiry() {
        Generation g = queued();
        assertEquals(120, g.frameCount());
        g.start(T0.plusSeconds(1), "n1");
        g.reportProgress(0.5);
        g.reportProgress(0.3);
        assertEquals(0.5, g.progress(), "progress never goes back");
        g.complete("videos/x.mp4", 1000, FACTS, Duration.ofDays(7), T0.plusSeconds(7));
        assertEquals(GenerationStatus.COMPLETED, g.status());
        assertEquals(6000L, g.processingMs());
        assertEquals(T0.plusSeconds(7).plus(Duration.ofDays(7)), g.expiresAt());
        assertTrue(g.isExpiredAt(T0.plus(Duration.ofDays(8))));
        g.expire(T0.plus(Duration.ofDays(8)));
        assertEquals(GenerationStatus.EXPIRED, g.status());
    }

    @Test
    void onlyAFinishedJobIsDeletedAndItKeepsItsStatus() {
        Generation g = queued();
        assertThrows(IllegalStateException.class, () -> g.delete(T0), "an in-flight job is canceled first");
        g.start(T0, "n1");
        g.complete("videos/x.mp4", 1000, FACTS, Duration.ofDays(7), T0.plusSeconds(7));
        assertFalse(g.deleted());
        g.delete(T0.plusSeconds(8));
        assertTrue(g.deleted());
        assertEquals(GenerationStatus.COMPLETED, g.status(), "the ledger's story of the job stays as it was");
        assertEquals(null, g.outputPath());
    }

    @Test
    void aspectRatioSetsTheFrameAndOldRowsAreLandscape() {
        ClipRequest r = new ClipRequest("sea", "", Resolution.P720, AspectRatio.PORTRAIT, 5, false, 7, null);
        Generation g = new Generation("acct", "key", KeyMode.LIVE, r, "sandbox", 90, 6000, T0);
        assertEquals(720, g.width());
        assertEquals(1280, g.height());
        assertEquals("9:16", g.aspectRatio());
        assertEquals(new AspectRatio.Frame(Resolution.P1080, AspectRatio.SQUARE), AspectRatio.ofSize(1080, 1080).orElseThrow());
        assertTrue(AspectRatio.ofSize(1024, 1792).isEmpty());
        assertEquals("1280x720, 720x1280, 720x720, 1920x1080, 1080x1920, 1080x1080", AspectRatio.supportedSizes());
    }

    @Test
    void failIsOnceOnly() {
        Generation g = queued();
        g.start(T0, "n1");
        assertTrue(g.fail("render.timeout", "slow", T0.plusSeconds(3)));
        assertFalse(g.fail("render.failed", "again", T0.plusSeconds(4)), "a second failure changes nothing");
        assertEquals("render.timeout", g.errorCode());
    }

    @Test
    void finishedJobsCannotBeCanceledOrCompleted() {
        Generation g = queued();
        g.cancel(T0);
        assertThrows(IllegalStateException.class, () -> g.cancel(T0));
        assertThrows(IllegalStateException.class, () -> g.start(T0, "n1"));
        assertFalse(g.fail("x", "y", T0));
    }

    @Test
    void interruptedRenderIsRetriedUntilAttemptsRunOut() {
        Generation g = queued();
        g.start(T0, "n1");
        assertTrue(g.requeueAfterInterruption(2));
        assertEquals(GenerationStatus.QUEUED, g.status());
        g.start(T0, "n1");
        assertEquals(2, g.attempts());
        assertFalse(g.requeueAfterInterruption(2));
        assertEquals(GenerationStatus.PROCESSING, g.status());
    }

    @Test
    void handBackDoesNotSpendAnAttempt() {
        Generation g = queued();
        g.start(T0, "n1");
        g.handBack();
        assertEquals(0, g.attempts());
        assertEquals(GenerationStatus.QUEUED, g.status());
    }

    @Test
    void onlyTheClaimingNodesCurrentAttemptMayFinishTheRender() {
        Generation g = queued();
        g.start(T0, "n1");
        assertTrue(g.renderingOn("n1", 1));
        assertFalse(g.renderingOn("n2", 1), "another node's claim");
        assertTrue(g.requeueAfterInterruption(2));
        assertFalse(g.renderingOn("n1", 1), "taken back from a node whose lease lapsed");
        assertEquals(null, g.renderNode());
        g.start(T0, "n2");
        assertFalse(g.renderingOn("n1", 1), "the first node's attempt is over");
        assertTrue(g.renderingOn("n2", 2));
    }
}
