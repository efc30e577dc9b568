package io.reelforge.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderSpec;
import io.reelforge.sandbox.SandboxEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4EncoderTest {

    @TempDir
    Path dir;

    private static Path encodeSandbox(Path target, int width, int height, int frames) throws Exception {
        RenderSpec spec = new RenderSpec("city skyline by the sea at dusk, drone", "", width, height, frames, 24, 11, false, null);
        try (Mp4Encoder encoder = Mp4Encoder.open(target, width, height, 24, EncoderOptions.defaults())) {
            new SandboxEngine().render(spec, encoder, RenderControl.unlimited());
            assertEquals(frames, encoder.frameCount());
            return encoder.finish();
        }
    }

    @Test
    void encodes720pAt24FpsToExactlyFiveSeconds() throws Exception {
        Path video = encodeSandbox(dir.resolve("clip.mp4"), 1280, 720, 120);
        VideoInfo info = Mp4Probe.probe(video);
        assertEquals("h264", info.codec());
        assertEquals("yuv420p", info.pixelFormat());
        assertEquals(1280, info.width());
        assertEquals(720, info.height());
        assertEquals(24.0, info.frameRate(), 1e-9);
        assertEquals(120, info.frameCount());
        assertEquals(5.0, info.durationSeconds(), 0.05);
    }

    @Test
    void encodes1080pWithTheIndexInFront() throws Exception {
        Path video = encodeSandbox(dir.resolve("full-hd.mp4"), 1920, 1080, 48);
        VideoInfo info = Mp4Probe.probe(video);
        assertEquals(1920, info.width());
        assertEquals(1080, info.height());
        assertEquals(48, info.frameCount());
        assertEquals(2.0, info.durationSeconds(), 0.05);
        List<String> boxes = Mp4Boxes.topLevel(video);
        assertEquals("ftyp", boxes.get(0));
        assertTrue(boxes.contains("mdat"), boxes::toString);
        assertTrue(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"),
                "faststart puts moov before mdat: " + boxes);
        assertEquals(List.of("full-hd.mp4"), fileNames(), "no temporary file is left beside it");
    }

    @Test
    void anAbandonedEncodeLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("abandoned.mp4");
        try (Mp4Encoder encoder = Mp4Encoder.open(target, 320, 180, 24, EncoderOptions.defaults())) {
            BufferedImage frame = new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < 10; i++) {
                encoder.accept(frame);
            }
            assertEquals(1, fileNames().size(), "the partial file exists while encoding");
            assertFalse(Files.exists(target));
        }
        assertEquals(List.of(), fileNames());
    }

    @Test
    void aCancelledRenderLeavesNoFile() throws Exception {
        Path target = dir.resolve("cancelled.mp4");
        RenderSpec spec = new RenderSpec("sea", "", 320, 180, 48, 24, 1, false, null);
        RenderControl cancelAtHalf = p -> {
            if (p >= 0.5) {
                throw new RenderCancelledException("render.canceled", "user cancel");
            }
        };
        assertThrows(RenderCancelledException.class, () -> {
            try (Mp4Encoder encoder = Mp4Encoder.open(target, 320, 180, 24, EncoderOptions.defaults())) {
                new SandboxEngine().render(spec, encoder, cancelAtHalf);
                encoder.finish();
            }
        });
        assertEquals(List.of(), fileNames());
    }

    @Test
    void finishingReplacesAnOlderFile() throws Exception {
        Path target = dir.resolve("clip.mp4");
        Files.writeString(target, "old");
        encodeSandbox(target, 320, 180, 12);
        assertEquals(12, Mp4Probe.probe(target).frameCount());
        assertEquals(List.of("clip.mp4"), fileNames());
    }

    @Test
    void aFrameOfTheWrongSizeFailsTheRender() throws Exception {
        try (Mp4Encoder encoder = Mp4Encoder.open(dir.resolve("x.mp4"), 320, 180, 24, EncoderOptions.defaults())) {
            RenderException e = assertThrows(RenderException.class,
                    () -> encoder.accept(new BufferedImage(322, 180, BufferedImage.TYPE_3BYTE_BGR)));
            assertEquals("encode.failed", e.code());
        }
        assertEquals(List.of(), fileNames());
    }

    @Test
    void finishingWithoutFramesFails() throws Exception {
        try (Mp4Encoder encoder = Mp4Encoder.open(dir.resolve("empty.mp4"), 320, 180, 24, EncoderOptions.defaults())) {
            assertThrows(EncodingException.class, encoder::finish);
        }
        assertEquals(List.of(), fileNames());
    }

    @Test
    void autoPicksTheBestEncoderThisBuildHasAndUnknownOnesAreRefused() throws Exception {
        List<String> available = Mp4Encoder.availableH264Encoders();
        assertFalse(available.isEmpty());
        try (Mp4Encoder encoder = Mp4Encoder.open(dir.resolve("a.mp4"), 64, 64, 24, EncoderOptions.defaults())) {
            assertTrue(available.contains(encoder.codec()));
            if (available.contains("libx264")) {
                assertEquals("libx264", encoder.codec());
            } else if (available.contains("libopenh264")) {
                assertEquals("libopenh264", encoder.codec());
            }
        }
        EncoderOptions bogus = EncoderOptions.defaults().withCodec("no-such-encoder");
        assertThrows(EncodingException.class, () -> Mp4Encoder.open(dir.resolve("b.mp4"), 64, 64, 24, bogus));
        EncoderOptions notH264 = EncoderOptions.defaults().withCodec("mpeg4");
        assertThrows(EncodingException.class, () -> Mp4Encoder.open(dir.resolve("c.mp4"), 64, 64, 24, notH264));
        assertEquals(List.of(), fileNames());
    }

    @Test
    void anExplicitBitrateIsUsed() throws Exception {
        RenderSpec spec = new RenderSpec("ocean waves", "", 320, 180, 48, 24, 3, false, null);
        long[] sizes = new long[2];
        int[] bitrates = {200_000, 2_000_000};
        for (int i = 0; i < 2; i++) {
            Path target = dir.resolve("rate" + i + ".mp4");
            EncoderOptions options = new EncoderOptions(EncoderOptions.AUTO, 23, bitrates[i], "veryfast");
            try (Mp4Encoder encoder = Mp4Encoder.open(target, 320, 180, 24, options)) {
                new SandboxEngine().render(spec, encoder, RenderControl.unlimited());
                encoder.finish();
            }
            sizes[i] = Files.size(target);
        }
        assertTrue(sizes[1] > sizes[0], "more bits, bigger file: " + sizes[0] + " vs " + sizes[1]);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
