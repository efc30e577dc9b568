package io.reelforge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimatorTest {

    @Test
    void aRenderThatOverrunsIsNotAboutToFinish() {
        // estimated 6 s, 12 s in, a third done: about 24 s more, not "1 s"
        long left = Estimator.remainingMs(6_000, 12_000, 1.0 / 3);
        assertTrue(left >= 20_000 && left <= 28_000, "left " + left);
        assertTrue(Estimator.remainingMs(6_000, 9_000, 0) >= 1_000, "overrun without progress: not done");
        assertEquals(4_000, Estimator.remainingMs(6_000, 2_000, 0), "no progress yet: the estimate");
        assertEquals(0, Estimator.remainingMs(6_000, 7_000, 1.0));
    }
}
