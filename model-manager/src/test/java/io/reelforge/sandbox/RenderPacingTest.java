package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code min-render-time}: renders last that long, evenly over their frames, and stay cancellable while they wait.
 * The pacer runs on a {@link FakeTicker} whose time moves only when the pacer waits, so every instant below is exact
 * and nothing depends on how busy the machine is.
 */
class RenderPacingTest {

    private static final RenderSpec SMALL = new RenderSpec("sea", "", 32, 18, 10, 24, 1, false, null);
    private static final long MS = 1_000_000L;

    /** A clock that stands still until the pacer sleeps; each sleep moves it on by exactly that much. */
    static final class FakeTicker implements RenderPacer.Ticker {
        long now = 5_000 * MS; // not zero: the pacer must measure from its own start
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void aRenderTakesTheMinimumSpreadEvenlyOverItsFrames() throws Exception {
        FakeTicker clock = new FakeTicker();
        long start = clock.now;
        List<Long> deliveredAt = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        List<Long> progressAt = new ArrayList<>();
        new SandboxEngine(Duration.ofMillis(600), 0, clock).render(SMALL, frame -> deliveredAt.add(clock.now - start), p -> {
            progress.add(p);
            progressAt.add(clock.now - start);
        });
        assertEquals(600 * MS, clock.now - start, "the render takes the minimum, no less and no more");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add(60 * MS * i); // frame i goes out once frames 0..i-1 have had their share of the time
        }
        assertEquals(expected, deliveredAt);
        assertTrue(clock.sleeps.stream().allMatch(s -> s > 0 && s <= RenderPacer.SLICE_NANOS),
                "every wait is at most one slice: " + clock.sleeps);
        assertTrue(progress.size() > 11, "progress is reported while waiting, not only per frame: " + progress);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            assertTrue(progressAt.get(i) - progressAt.get(i - 1) <= RenderPacer.SLICE_NANOS,
                    "the control is asked at least once a slice: " + progressAt);
        }
        // before frame 0, then the pacer's first two checks while it waits for frame 0: at 0 and at 25 of 600 ms
        assertEquals(List.of(0L, 0L, 25 * MS), progressAt.subList(0, 3));
        assertEquals(25 / 600.0, progress.get(2), 1e-9, "while waiting, progress follows the time");
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void aCancelWhileWaitingStopsTheRenderWithinASlice() {
        FakeTicker clock = new FakeTicker();
        long start = clock.now;
        long cancelAt = 200 * MS;
        List<Long> stoppedAt = new ArrayList<>();
        RenderControl cancelAfter200ms = p -> {
            if (clock.now - start > cancelAt) {
                stoppedAt.add(clock.now - start);
                throw new RenderCancelledException("render.timeout", "time limit");
            }
        };
        List<Long> frames = new ArrayList<>();
        RenderCancelledException e = assertThrows(RenderCancelledException.class,
                () -> new SandboxEngine(Duration.ofSeconds(30), 0, clock).render(SMALL, frame -> frames.add(clock.now), cancelAfter200ms));
        assertEquals("render.timeout", e.code());
        assertEquals(List.of(225 * MS), stoppedAt, "the first check after the limit (one slice later) stops the render");
        assertEquals(225 * MS, clock.now - start, "no wait after the cancel");
        assertEquals(1, frames.size(), "frame 1 was due at 3 s; the render stopped before it");
    }

    @Test
    void anInterruptCancelsTheRenderAndKeepsTheInterruptFlag() {
        // The system's clock: the interrupt must end a real Thread.sleep. It comes at a known point, while frame 0
        // is delivered, so the pacer's first wait for frame 1 is the one it must end.
        List<Integer> frames = new ArrayList<>();
        RenderCancelledException cancelled;
        try {
            cancelled = assertThrows(RenderCancelledException.class, () -> new SandboxEngine(Duration.ofSeconds(5))
                    .render(SMALL, frame -> {
                        frames.add(frames.size());
                        Thread.currentThread().interrupt();
                    }, RenderControl.unlimited()));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept for the render's thread");
        } finally {
            Thread.interrupted();
        }
        assertEquals("render.canceled", cancelled.code());
        assertEquals(List.of(0), frames, "the render stopped in the wait after frame 0");
    }

    @Test
    void withoutAMinimumARenderDoesNotWait() throws Exception {
        FakeTicker clock = new FakeTicker();
        List<Double> progress = new ArrayList<>();
        new SandboxEngine(Duration.ZERO, 0, clock).render(SMALL, frame -> { }, progress::add);
        assertEquals(List.of(), clock.sleeps, "no wait at all");
        assertEquals(11, progress.size(), "progress once per frame and once at the end: " + progress);
    }

    @Test
    void theEngineOperatorsConfigurePacesOnTheSystemClock() throws Exception {
        // The public constructor (the one SandboxEngineProvider uses) waits on the real clock. Only a lower bound:
        // the pacer waits until the time is due, so this cannot pass by luck nor fail on a busy machine.
        Duration minimum = Duration.ofMillis(300);
        long start = System.nanoTime();
        new SandboxEngine(minimum).render(SMALL, frame -> { }, RenderControl.unlimited());
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= minimum.toNanos(), "took " + elapsed / 1e6 + " ms");
    }

    @Test
    void aNegativeMinimumIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SandboxEngine(Duration.ofSeconds(-1)));
    }
}
