package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler's arithmetic and failure paths with stand-in denoisers (no model files needed). */
class FlowEulerSamplerTest {

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aConstantVelocityMovesTheLatentsByItsIntegral() throws Exception {
        // v = 1 everywhere: Euler over sigma 1 -> 0 lands exactly at noise - 1, whatever the shift
        NDArray noise = manager.zeros(new ai.djl.ndarray.types.Shape(1, 2, 1, 2, 2));
        Velocity ones = (x, t, c) -> x.onesLike();
        NDArray out = new FlowEulerSampler(new SamplerSettings(5, 1.0, 3.0)).sample(noise, context(1), ones,
                RenderControl.unlimited());
        for (float v : out.toFloatArray()) {
            assertEquals(-1f, v, 1e-6);
        }
    }

    @Test
    void guidanceMixesPromptAndNegativeHalvesOfOneBatch() throws Exception {
        // prompt half says 1, negative half says 0: guided velocity = 0 + 4 (1 - 0) = 4 over a sigma span of 1
        NDArray noise = manager.zeros(new ai.djl.ndarray.types.Shape(1, 1, 1, 1, 1));
        List<Long> batches = new ArrayList<>();
        Velocity split = (x, t, c) -> {
            batches.add(x.getShape().get(0));
            return manager.create(new float[] {1f, 0f}).reshape(2, 1, 1, 1, 1);
        };
        NDArray out = new FlowEulerSampler(new SamplerSettings(2, 4.0, 1.0)).sample(noise, context(2), split,
                RenderControl.unlimited());
        assertArrayEquals(new float[] {-4f}, out.toFloatArray(), 1e-6f);
        assertEquals(List.of(2L, 2L), batches);
    }

    @Test
    void nanLatentsEndTheRenderWithRenderNan() {
        NDArray noise = manager.zeros(new ai.djl.ndarray.types.Shape(1, 1, 1, 2, 2));
        Velocity broken = (x, t, c) -> x.div(0f);
        RenderException e = assertThrows(RenderException.class, () -> new FlowEulerSampler(
                new SamplerSettings(3, 1.0, 1.0)).sample(noise, context(1), broken, RenderControl.unlimited()));
        assertEquals("render.nan", e.code());
    }

    private NDArray context(int batch) {
        return manager.zeros(new ai.djl.ndarray.types.Shape(batch, 4, 8));
    }
}
