package io.reelforge.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.generation.GenerationRepository.RenderTime;

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

    @Test
    void rendersMeasuredAtTheSameConcurrencyDecide() {
        List<RenderTime> recent = List.of(new RenderTime(6_000, 1), new RenderTime(6_200, 1), new RenderTime(5_900, 1),
                new RenderTime(13_000, 2), new RenderTime(12_000, 2), new RenderTime(12_500, 2));
        assertEquals(6_000, Estimator.renderMs(recent, 1).getAsLong(), "alone: the renders measured alone");
        assertEquals(12_500, Estimator.renderMs(recent, 2).getAsLong(), "two at once: the renders measured two at once");
    }

    @Test
    void withoutEnoughAtThatConcurrencyTheRendersAreScaledToIt() {
        List<RenderTime> alone = List.of(new RenderTime(6_000, 1), new RenderTime(6_000, 1), new RenderTime(6_000, 1));
        assertEquals(24_000, Estimator.renderMs(alone, 4).getAsLong(), "four sharing the machine: four times as long");
        assertEquals(3_000, Estimator.renderMs(List.of(new RenderTime(12_000, 4)), 1).getAsLong());
        assertTrue(Estimator.renderMs(List.of(), 2).isEmpty(), "nothing measured: the prior");
    }

    @Test
    void aQueuedJobWaitsForTheFirstSlotThatFrees() {
        assertEquals(0, Estimator.startsInMs(List.of(9_000L), List.of(), 2), "a free slot: it starts at once");
        assertEquals(4_000, Estimator.startsInMs(List.of(9_000L, 4_000L), List.of(), 2), "both busy: the first to end");
        assertEquals(9_000, Estimator.startsInMs(List.of(9_000L, 4_000L), List.of(6_000L), 2),
                "the job ahead takes the slot free at 4 s (until 10 s); this one the one free at 9 s");
        assertEquals(4_000 + 6_000 + 5_000, Estimator.startsInMs(List.of(4_000L), List.of(6_000L, 5_000L), 1),
                "one slot: the sum of all ahead");
        assertEquals(3_000, Estimator.startsInMs(List.of(3_000L, 5_000L, 8_000L), List.of(), 2),
                "more renders than slots (other nodes'): the first to end");
    }
}
