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

    @Test
    void outOfMemoryMessagesFromLibtorchAreRecognised() {
        assertTrue(EngineFailures.isOutOfMemory("CUDA out of memory. Tried to allocate 2.00 GiB"));
        assertTrue(EngineFailures.isOutOfMemory("[enforce fail at alloc_cpu.cpp:114] DefaultCPUAllocator: not enough memory"));
        assertEquals("render.oom", EngineFailures.translate(new ai.djl.engine.EngineException("CUDA out of memory")).code());
        assertEquals("render.failed", EngineFailures.translate(new ai.djl.engine.EngineException("shape mismatch")).code());
    }
}
