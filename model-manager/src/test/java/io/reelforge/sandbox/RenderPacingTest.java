package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code min-render-time}: renders last at least that long, evenly, and stay cancellable while they wait. */
class RenderPacingTest {

    private static final RenderSpec SMALL = new RenderSpec("sea", "", 32, 18, 10, 24, 1, false, null);

    @Test
    void aRenderTakesAtLeastTheMinimumSpreadOverItsFrames() throws Exception {
        Duration minimum = Duration.ofMillis(600);
        List<Long> deliveredAt = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        long start = System.nanoTime();
        new SandboxEngine(minimum).render(SMALL, frame -> deliveredAt.add(System.nanoTime() - start), progress::add);
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= minimum.toNanos(), "took " + elapsed / 1e6 + " ms");
        assertTrue(elapsed < minimum.toNanos() + 2_000_000_000L, "took " + elapsed / 1e6 + " ms");
        for (int i = 1; i < 10; i++) {
            // frame i goes out once frames 0..i-1 have had their share of the time
            assertTrue(deliveredAt.get(i) >= minimum.toNanos() * i / 10, "frame " + i + " came early");
        }
        assertTrue(progress.size() > 11, "progress is reported while waiting, not only per frame");
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void aCancelWhileWaitingStopsTheRenderPromptly() {
        long start = System.nanoTime();
        RenderControl cancelAfter200ms = p -> {
            if (System.nanoTime() - start > 200_000_000L) {
                throw new RenderCancelledException("render.timeout", "time limit");
            }
        };
        RenderCancelledException e = assertThrows(RenderCancelledException.class,
                () -> new SandboxEngine(Duration.ofSeconds(30)).render(SMALL, frame -> { }, cancelAfter200ms));
        assertEquals("render.timeout", e.code());
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsed < 1000, "stopped after " + elapsed + " ms");
    }

    @Test
    void anInterruptCancelsTheRenderAndKeepsTheInterruptFlag() throws Exception {
        CountDownLatch firstFrame = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                new SandboxEngine(Duration.ofSeconds(30)).render(SMALL, frame -> firstFrame.countDown(), RenderControl.unlimited());
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(Thread.currentThread().isInterrupted() ? t : new AssertionError("interrupt flag lost", t));
            }
        });
        worker.start();
        assertTrue(firstFrame.await(10, TimeUnit.SECONDS));
        worker.interrupt();
        Throwable thrown = outcome.get(2, TimeUnit.SECONDS);
        assertNotNull(thrown, "the render finished despite the interrupt");
        RenderCancelledException cancelled = assertInstanceOf(RenderCancelledException.class, thrown);
        assertEquals("render.canceled", cancelled.code());
    }

    @Test
    void withoutAMinimumARenderDoesNotWait() throws Exception {
        long start = System.nanoTime();
        new SandboxEngine().render(SMALL, frame -> { }, RenderControl.unlimited());
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
    }

    @Test
    void aNegativeMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxEngine(Duration.ofSeconds(-1)));
    }
}
