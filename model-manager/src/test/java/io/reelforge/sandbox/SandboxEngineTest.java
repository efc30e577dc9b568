package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SandboxEngineTest {

    @Test
    void rendersFromAPromptWithOrWithoutAStartImage() {
        assertEquals(io.reelforge.engine.ImageSupport.optional("sandbox"), new SandboxEngine().imageSupport());
    }

    @Test
    void theSameRequestGivesTheSameBytes() throws Exception {
        RenderSpec spec = Renders.spec("misty mountain valley at dawn, drone", 7, 12, false);
        List<String> first = Renders.digests(spec);
        assertEquals(first, Renders.digests(spec));
        assertEquals(12, new java.util.HashSet<>(first).size(), "every frame differs from the others");
    }

    @Test
    void anotherSeedOrPromptGivesOtherFrames() throws Exception {
        List<String> base = Renders.digests(Renders.spec("ocean at sunset", 7, 4, false));
        List<String> otherSeed = Renders.digests(Renders.spec("ocean at sunset", 8, 4, false));
        List<String> otherPrompt = Renders.digests(Renders.spec("ocean at sunset, zoom", 7, 4, false));
        for (int i = 0; i < 4; i++) {
            assertNotEquals(base.get(i), otherSeed.get(i));
            assertNotEquals(base.get(i), otherPrompt.get(i));
        }
    }

    @Test
    void concurrentRendersGiveWhatSequentialOnesDo() throws Exception {
        List<RenderSpec> specs = List.of(Renders.spec("city skyline at night, orbit", 1, 8, false),
                Renders.spec("rain over a forest", 2, 8, false), Renders.spec("product shot, zoom", 3, 8, false),
                Renders.spec("city skyline at night, orbit", 1, 8, false));
        List<List<String>> sequential = new ArrayList<>();
        for (RenderSpec spec : specs) {
            sequential.add(Renders.digests(spec));
        }
        ExecutorService pool = Executors.newFixedThreadPool(specs.size());
        try {
            List<Future<List<String>>> running = new ArrayList<>();
            for (RenderSpec spec : specs) {
                running.add(pool.submit(() -> Renders.digests(spec)));
            }
            for (int i = 0; i < specs.size(); i++) {
                assertEquals(sequential.get(i), running.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void framesAreBgrOfExactlyTheRequestedSizeAndCount() throws Exception {
        for (int[] size : new int[][] {{162, 92}, {90, 160}, {2, 2}}) {
            RenderSpec spec = new RenderSpec("forest", "", size[0], size[1], 5, 24, 1, false, null);
            List<BufferedImage> frames = new ArrayList<>();
            RenderReport report = new SandboxEngine().render(spec, frames::add, RenderControl.unlimited());
            assertEquals(5, frames.size());
            assertSame(frames.get(0), frames.get(4), "one image is reused");
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, frames.get(0).getType());
            assertEquals(size[0], frames.get(0).getWidth());
            assertEquals(size[1], frames.get(0).getHeight());
            assertEquals(new RenderReport("sandbox-procedural", "1", size[0], size[1], 0, false), report);
        }
    }

    @Test
    void reportsProgressBeforeEveryFrameAndOneAtTheEnd() throws Exception {
        List<String> events = new ArrayList<>();
        RenderSpec spec = Renders.spec("desert", 1, 4, false);
        new SandboxEngine().render(spec, frame -> events.add("frame"), progress -> events.add("progress " + progress));
        assertEquals(List.of("progress 0.0", "frame", "progress 0.25", "frame", "progress 0.5", "frame",
                "progress 0.75", "frame", "progress 1.0"), events);
    }

    @Test
    void aCancelFromTheControlStopsBeforeTheNextFrame() {
        RenderCancelledException cancel = new RenderCancelledException("render.canceled", "stop");
        List<Double> seen = new ArrayList<>();
        int[] frames = {0};
        RenderControl control = progress -> {
            seen.add(progress);
            if (progress >= 3 / 10.0) {
                throw cancel;
            }
        };
        RenderCancelledException thrown = assertThrows(RenderCancelledException.class,
                () -> new SandboxEngine().render(Renders.spec("sea", 1, 10, false), f -> frames[0]++, control));
        assertSame(cancel, thrown);
        assertEquals(3, frames[0]);
        assertEquals(List.of(0.0, 0.1, 0.2, 0.3), seen);
    }

    @Test
    void theSceneMovesByItselfWhenTheCameraIsFixed() throws Exception {
        for (String prompt : new String[] {"cloudy mountains at noon", "city skyline at night", "ocean waves",
                "snow in the forest", "product shot on a turntable", "desert dunes", "starry night sky"}) {
            List<BufferedImage> frames = Renders.frames(Renders.spec(prompt, 5, 24, true));
            assertTrue(FrameStats.meanDifference(frames.get(0), frames.get(23)) > 0.05,
                    () -> prompt + " does not move by itself");
        }
    }

    @Test
    void aFixedCameraHoldsTheLandStillAndAMovingOneDoesNot() throws Exception {
        // clear mountains: nothing below the horizon (row 54) moves by itself, only the camera can change it
        int groundFrom = 54;
        for (String move : new String[] {"drone", "pan", "zoom", "orbit", ""}) {
            String prompt = "mountains on a clear day " + move;
            List<BufferedImage> fixed = Renders.frames(Renders.spec(prompt, 3, 24, true));
            List<BufferedImage> moving = Renders.frames(Renders.spec(prompt, 3, 24, false));
            assertEquals(0, FrameStats.meanDifference(fixed.get(0), fixed.get(23), groundFrom, 90), prompt);
            assertTrue(FrameStats.meanDifference(moving.get(0), moving.get(23), groundFrom, 90) > 0.3,
                    () -> prompt + " moved the camera too little");
        }
    }
}
