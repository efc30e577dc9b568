package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.reelforge.engine.RenderSpec;
import org.junit.jupiter.api.Test;

class CameraConditioningTest {

    @Test
    void aFixedCameraAddsAStaticPhraseAndNegatesMotion() {
        CameraConditioning c = CameraConditioning.of(new RenderSpec("a lighthouse", "blurry", 16, 16, 1, 24, 1, true, null));
        assertEquals("a lighthouse, " + CameraConditioning.STATIC_PHRASE, c.prompt());
        assertEquals("blurry, " + CameraConditioning.MOTION_TERMS, c.negativePrompt());
    }

    @Test
    void aFreeCameraLeavesThePromptsAlone() {
        CameraConditioning c = CameraConditioning.of(new RenderSpec("a lighthouse", "", 16, 16, 1, 24, 1, false, null));
        assertEquals("a lighthouse", c.prompt());
        assertEquals("", c.negativePrompt());
    }

    @Test
    void anEmptyNegativePromptBecomesTheMotionTerms() {
        CameraConditioning c = CameraConditioning.of(new RenderSpec("sea", null, 16, 16, 1, 24, 1, true, null));
        assertEquals(CameraConditioning.MOTION_TERMS, c.negativePrompt());
    }
}
