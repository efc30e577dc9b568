package io.reelforge.sandbox;

import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import java.time.Duration;

/**
 * Stretches a render to a minimum duration, spread evenly over its frames, to stand in for a GPU model's
 * render time. Waits in short slices and checks the control between them, so a cancel or a time limit
 * still stops the render within a slice.
 */
final class RenderPacer {

    /** The longest single wait: a cancel is seen within this much of the render's time. */
    static final long SLICE_NANOS = 25_000_000L;

    /** Where the pacer reads the time and waits: the system's, or a test's that moves only when waited on. */
    interface Ticker {

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };

        long nanoTime();

        /** Waits {@code nanos}; an interrupt ends the wait with {@link InterruptedException}. */
        void sleep(long nanos) throws InterruptedException;
    }

    private final long totalNanos;
    private final int frames;
    private final RenderControl control;
    private final Ticker ticker;
    private final long start;

    RenderPacer(Duration minimum, int frames, RenderControl control, Ticker ticker) {
        this.totalNanos = Math.max(0, minimum.toNanos());
        this.frames = frames;
        this.control = control;
        this.ticker = ticker;
        this.start = ticker.nanoTime();
    }

    /** Waits until frame {@code index} is due to be done, reporting progress as time passes. */
    void frameDone(int index) throws RenderCancelledException {
        if (totalNanos == 0) {
            return;
        }
        // total * (index + 1) / frames, split so that long renders cannot overflow
        long due = start + totalNanos / frames * (index + 1) + totalNanos % frames * (index + 1) / frames;
        for (long left = due - ticker.nanoTime(); left > 0; left = due - ticker.nanoTime()) {
            double elapsed = (ticker.nanoTime() - start) / (double) totalNanos;
            control.checkpoint(Math.max(index / (double) frames, Math.min((index + 1) / (double) frames, elapsed)));
            sleep(Math.min(left, SLICE_NANOS));
        }
    }

    private void sleep(long nanos) throws RenderCancelledException {
        try {
            ticker.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderCancelledException("render.canceled", "render interrupted");
        }
    }
}
