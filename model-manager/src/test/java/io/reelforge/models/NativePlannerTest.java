package io.reelforge.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativePlannerTest {

    @Test
    void wanTakesFourKPlusOneFramesAtSixteenFps() {
        FrameRule rule = ModelFamily.WAN21_T2V_14B.frameRule();
        assertEquals(81, NativePlanner.frameCount(rule, 16, 5.0));
        assertEquals(17, NativePlanner.frameCount(rule, 16, 1.0));
        assertEquals(5, NativePlanner.frameCount(rule, 16, 0.05), "never fewer than one group");
        assertTrue(rule.allows(81));
        assertFalse(rule.allows(80));
    }

    @Test
    void ltxTakesEightKPlusOneFrames() {
        FrameRule rule = ModelFamily.LTX_VIDEO.frameRule();
        assertEquals(121, NativePlanner.frameCount(rule, 24, 5.0));
        assertEquals(257, NativePlanner.frameCount(rule, 25, 10.24));
        assertTrue(rule.allows(121) && !rule.allows(120));
    }

    @Test
    void outputSizesMapToTheNearestNativeSizeByAspectThenArea() {
        var wan14 = ModelFamily.WAN21_T2V_14B.sizes();
        assertEquals(new NativeSize(1280, 720), NativePlanner.nearestSize(wan14, 1920, 1080));
        assertEquals(new NativeSize(1280, 720), NativePlanner.nearestSize(wan14, 1280, 720));
        assertEquals(new NativeSize(720, 1280), NativePlanner.nearestSize(wan14, 1080, 1920));
        assertEquals(new NativeSize(832, 480), NativePlanner.nearestSize(wan14, 854, 480));
        assertEquals(new NativeSize(832, 480), NativePlanner.nearestSize(ModelFamily.WAN21_T2V_1_3B.sizes(), 1920, 1080));
        var ltx = ModelFamily.LTX_VIDEO.sizes();
        assertEquals(new NativeSize(1216, 704), NativePlanner.nearestSize(ltx, 1920, 1080));
        assertEquals(new NativeSize(768, 512), NativePlanner.nearestSize(ltx, 720, 480));
    }

    @Test
    void aPlanCarriesSizeFramesAndFps() {
        NativePlan plan = NativePlanner.plan(ModelFamily.WAN22_TI2V_5B.sizes(), ModelFamily.WAN22_TI2V_5B.frameRule(),
                24, 1280, 720, 5.0);
        assertEquals(new NativePlan(new NativeSize(1280, 704), 121, 24), plan);
        assertEquals(121 / 24.0, plan.seconds(), 1e-9);
    }

    @Test
    void everyFamilysSizesFitItsAlignmentAndLatentShape() {
        for (ModelFamily f : ModelFamily.values()) {
            for (NativeSize s : f.sizes()) {
                assertEquals(0, s.width() % f.sizeAlignment(), f + " " + s);
                assertEquals(0, s.height() % f.sizeAlignment(), f + " " + s);
            }
            assertEquals(f, ModelFamily.byId(f.id()).orElseThrow());
        }
        LatentSpec wan = new LatentSpec(16, 1.0, 4, 8);
        assertEquals(java.util.List.of(1L, 16L, 21L, 90L, 160L),
                java.util.Arrays.stream(wan.shape(new NativeSize(1280, 720), 81)).boxed().toList());
    }
}
