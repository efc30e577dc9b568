package io.reelforge.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.reelforge.encoding.BareEncode;
import io.reelforge.encoding.EncoderOptions;
import io.reelforge.encoding.Mp4Encoder;
import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.Engines;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;

/**
 * A 5 s 1080p sandbox clip end to end (procedural render streamed into the MP4 encoder) against a bare JavaCV
 * encode of 120 pre-made frames at the same settings, measured alternately in the same run. Prints each
 * round, the medians, their ratio, and the peak heap of the end-to-end path.
 */
public final class RenderBench {

    private static final int W = 1920;
    private static final int H = 1080;
    private static final int FPS = 24;
    private static final int FRAMES = 120;
    private static final String PROMPT = "A cinematic drone shot gliding over a misty mountain valley at dawn";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("reelforge-bench");
        Engine sandbox = Engines.discover(RenderBench.class.getClassLoader(), id -> EngineSettings.none())
                .find("sandbox").orElseThrow();
        RenderSpec spec = new RenderSpec(PROMPT, "", W, H, FRAMES, FPS, 42, false, null);

        List<byte[]> premade = new ArrayList<>(FRAMES);
        sandbox.render(spec, f -> premade.add(Arrays.copyOf(((DataBufferByte) f.getRaster().getDataBuffer()).getData(),
                W * H * 3)), RenderControl.unlimited());
        String codec = BareEncode.encode(premade.subList(0, 24), W, H, FPS, dir.resolve("warmup.mp4"));

        long[] bare = new long[rounds];
        long[] e2e = new long[rounds];
        long peakHeap = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            BareEncode.encode(premade, W, H, FPS, dir.resolve("bare.mp4"));
            bare[i] = System.nanoTime() - t0;

            resetPeaks();
            long heapBefore = heapUsed();
            t0 = System.nanoTime();
            try (Mp4Encoder enc = Mp4Encoder.open(dir.resolve("e2e.mp4"), W, H, FPS, EncoderOptions.defaults())) {
                sandbox.render(spec, enc, RenderControl.unlimited());
                enc.finish();
            }
            e2e[i] = System.nanoTime() - t0;
            peakHeap = Math.max(peakHeap, peakHeap() - heapBefore);
            System.out.printf("round %d: bare encode %.2f s, end to end %.2f s%n", i + 1, bare[i] / 1e9, e2e[i] / 1e9);
        }
        double b = median(bare) / 1e9;
        double e = median(e2e) / 1e9;
        System.out.printf("codec %s, %dx%d, %d frames at %d fps, %d rounds%n", codec, W, H, FRAMES, FPS, rounds);
        System.out.printf("median bare JavaCV encode of pre-made frames: %.2f s%n", b);
        System.out.printf("median sandbox render + encode, streamed:      %.2f s%n", e);
        System.out.printf("ratio end-to-end / bare encode: %.2f%n", e / b);
        System.out.printf("peak heap above baseline during end-to-end: %d MiB (pre-made frames alone: %d MiB)%n",
                peakHeap >> 20, (long) FRAMES * W * H * 3 >> 20);
    }

    private static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
