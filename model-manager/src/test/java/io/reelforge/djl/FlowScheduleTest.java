package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlowScheduleTest {

    @Test
    void sigmasRunFromOneToZeroAndShiftTowardsNoise() {
        double[] plain = FlowSchedule.sigmas(4, 1.0);
        assertEquals(1.0, plain[0]);
        assertEquals(0.5, plain[2], 1e-12);
        assertEquals(0.0, plain[4]);
        double[] shifted = FlowSchedule.sigmas(4, 5.0);
        assertEquals(5.0 * 0.5 / (1 + 4 * 0.5), shifted[2], 1e-12);
        for (int i = 1; i < shifted.length - 1; i++) {
            assertTrue(shifted[i] > plain[i], "shift spends more steps at high noise");
            assertTrue(shifted[i] < shifted[i - 1]);
        }
    }

    /** LightX2V's 4-step Wan (denoising_step_list 1000, 750, 500, 250 with sample_shift 5), then 0. */
    @Test
    void anExplicitScheduleIsShiftedStepByStep() {
        double[] s = FlowSchedule.sigmas(4, 5.0, java.util.List.of(1.0, 0.75, 0.5, 0.25), 0);
        double[] expected = {1.0, 3.75 / 4.0, 2.5 / 3.0, 1.25 / 2.0, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s[i], 1e-12);
        }
    }

    /** diffusers' stretch_shift_to_terminal: the last step lands on shift_terminal, the first stays at 1. */
    @Test
    void shiftTerminalStretchesTheLastStepToIt() {
        double[] s = FlowSchedule.sigmas(4, 1.0, java.util.List.of(), 0.1);
        double[] expected = {1.0, 0.7, 0.4, 0.1, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], s[i], 1e-12);
        }
    }

    @Test
    void aScheduleThatDoesNotDecreaseOrDoesNotMatchTheStepsIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(3, 1.0,
                5.0, io.reelforge.models.Scheduler.FLOW_EULER, java.util.List.of(1.0, 0.5, 0.75), 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new SamplerSettings(4, 1.0,
                5.0, io.reelforge.models.Scheduler.FLOW_EULER, java.util.List.of(1.0, 0.5), 0));
    }

    /** LTX's dynamic shift: e^mu, mu linear in the latent tokens (diffusers' calculate_shift), per render size. */
    @Test
    void aDynamicShiftFollowsTheRendersLatentSize() {
        io.reelforge.models.DynamicShift ltx = new io.reelforge.models.DynamicShift(1024, 4096, 0.95, 2.05);
        SamplerSettings base = new SamplerSettings(8, 1.0, 1.0, io.reelforge.models.Scheduler.FLOW_EULER);
        assertEquals(Math.exp(0.95), base.forLatent(ltx, 1024).shift(), 1e-12);
        assertEquals(Math.exp(2.05), base.forLatent(ltx, 4096).shift(), 1e-12);
        // 768x512, 121 frames: 16 latent frames of 16x24 = 6144 tokens, beyond max: extrapolated as diffusers does
        assertEquals(Math.exp(0.95 + 1.1 / 3072 * (6144 - 1024)), base.forLatent(ltx, 16 * 16 * 24).shift(), 1e-9);
        assertEquals(1.0, base.forLatent(null, 6144).shift());
    }

    @Test
    void outOfMemoryMessagesFromLibtorchAreRecognised() {
        assertTrue(EngineFailures.isOutOfMemory("CUDA out of memory. Tried to allocate 2.00 GiB"));
        assertTrue(EngineFailures.isOutOfMemory("[enforce fail at alloc_cpu.cpp:114] DefaultCPUAllocator: not enough memory"));
        assertEquals("render.oom", EngineFailures.translate(new ai.djl.engine.EngineException("CUDA out of memory")).code());
        assertEquals("render.failed", EngineFailures.translate(new ai.djl.engine.EngineException("shape mismatch")).code());
    }
}
