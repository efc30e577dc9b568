package io.reelforge.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BitrateGuideTest {

    @Test
    void anchorsAt8MbitFor1080pAndScalesWithPixelRate() {
        assertEquals(8_000_000, BitrateGuide.bitsPerSecond(1920, 1080, 24));
        assertEquals(4_000_000, BitrateGuide.bitsPerSecond(1280, 720, 24), 400_000);
        assertTrue(BitrateGuide.bitsPerSecond(1920, 1080, 30) > 8_000_000);
    }

    @Test
    void neverDropsBelowAFloor() {
        assertEquals(500_000, BitrateGuide.bitsPerSecond(64, 64, 24));
    }
}
