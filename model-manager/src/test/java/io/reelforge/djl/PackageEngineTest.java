package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import io.reelforge.encoding.EncoderOptions;
import io.reelforge.encoding.Mp4Encoder;
import io.reelforge.encoding.Mp4Probe;
import io.reelforge.encoding.VideoInfo;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole renders of the tiny Wan and LTX packages, each opened directly as one package. */
class PackageEngineTest {

    private static final Map<String, PackageEngine> LOADED = new ConcurrentHashMap<>();

    /** Each tiny engine loads once for the class, as in the appliance; without fixtures each test fails. */
    private static PackageEngine engine(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            PackageEngine engine = Fixtures.engine(n);
            System.out.printf("engine load %s: %d ms%n", n, engine.loadMillis());
            return engine;
        });
    }

    @AfterAll
    static void close() {
        LOADED.values().forEach(PackageEngine::close);
    }

    @Test
    void bothPackagesAreReadyOnTheCpu() {
        assertTrue(engine("tiny-wan").status().ready(), engine("tiny-wan").status().detail());
        assertTrue(engine("tiny-ltx").status().ready(), engine("tiny-ltx").status().detail());
        assertEquals("cpu", engine("tiny-wan").status().device());
    }

    @Test
    void aRenderDeliversEveryFrameAtTheOutputSize() throws Exception {
        RenderSpec spec = spec(1280, 720, 24, 5, false);
        List<String> frames = new ArrayList<>();
        RenderReport report = engine("tiny-wan").render(spec, frame -> {
            assertEquals(BufferedImage.TYPE_3BYTE_BGR, frame.getType());
            assertEquals(1280, frame.getWidth());
            assertEquals(720, frame.getHeight());
            frames.add(digest(frame));
        }, RenderControl.unlimited());
        assertEquals(24, frames.size());
        assertEquals(new RenderReport("tiny-wan", "test-1", 64, 32, 4, true), report);
        assertTrue(frames.stream().distinct().count() > 10, "the decoded clip moves over time");
    }

    /**
     * FastWan's DMD sampling through the engine: 3 steps, the frame count asked for, and the re-noise drawn from the
     * seed's stream, so a seed gives the same clip and another seed another one.
     */
    @Test
    void aDmdRenderIsTheSeedsAndHasTheFramesAskedFor() throws Exception {
        assertOneClipPerSeed("tiny-fastwan", 64, 32, 3);
    }

    /**
     * LTX-Video distilled in one pass with the decode noise: 8 steps, the frame count asked for (1 s and 5 s), and the
     * decode noise drawn from the seed's stream after sampling, so a seed gives the same clip and another another.
     */
    @Test
    void aDistilledLtxRenderWithDecodeNoiseIsTheSeedsAndHasTheFramesAskedFor() throws Exception {
        assertOneClipPerSeed("tiny-ltx-distilled", 64, 64, 8);
        List<String> five = digests(engine("tiny-ltx-distilled"), spec(64, 64, 120, 5, false));
        assertEquals(120, five.size());
    }

    /**
     * Stochastic Euler (LTX-Video 0.9.6 distilled's stochastic_sampling) through the engine: tiny-ltx with its
     * manifest's scheduler set to flow-euler-stochastic renders the frames asked for, one clip per seed.
     */
    @Test
    void aStochasticEulerRenderIsTheSeedsAndHasTheFramesAskedFor(@TempDir Path dir) throws Exception {
        Path pkg = io.reelforge.fixtures.TinyFixtures.copy("tiny-ltx", dir, "stochastic");
        Path manifest = pkg.resolve("manifest.json");
        String text = java.nio.file.Files.readString(manifest);
        assertTrue(text.contains("\"scheduler\": \"flow-euler\""), text);
        java.nio.file.Files.writeString(manifest, text.replace("\"scheduler\": \"flow-euler\"",
                "\"scheduler\": \"flow-euler-stochastic\""));
        List<List<String>> clips = new ArrayList<>();
        try (PackageEngine stochastic = new PackageEngine(pkg, ai.djl.Device.cpu())) {
            for (long seed : new long[] {5, 5, 6}) {
                clips.add(digests(stochastic, spec(64, 64, 24, seed, false)));
            }
        }
        assertEquals(24, clips.get(0).size());
        assertEquals(clips.get(0), clips.get(1), "one seed, one clip");
        assertNotEquals(clips.get(0), clips.get(2), "another seed, another clip");
        List<String> deterministic = digests(engine("tiny-ltx"), spec(64, 64, 24, 5, false));
        assertNotEquals(deterministic, clips.get(0), "the re-noise changes the clip");
    }

    /** Renders 1 s with seeds 5, 5 and 6: {@code steps} steps, 24 frames, the same clip twice and then another one. */
    private static void assertOneClipPerSeed(String name, int width, int height, int steps) throws Exception {
        List<List<String>> clips = new ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            List<String> frames = new ArrayList<>();
            RenderReport report = engine(name).render(spec(width, height, 24, seed, false),
                    frame -> frames.add(digest(frame)), RenderControl.unlimited());
            assertEquals(steps, report.steps());
            assertEquals(24, frames.size());
            clips.add(frames);
        }
        assertEquals(clips.get(0), clips.get(1), "one seed, one clip");
        assertNotEquals(clips.get(0), clips.get(2), "another seed, another clip");
    }

    @Test
    void aRenderEncodesIntoAnMp4OfTheRequestedShape(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("clip.mp4");
        try (Mp4Encoder encoder = Mp4Encoder.open(target, 320, 180, 24, EncoderOptions.defaults())) {
            engine("tiny-ltx").render(spec(320, 180, 24, 3, true), encoder, RenderControl.unlimited());
            encoder.finish();
        }
        VideoInfo info = Mp4Probe.probe(target);
        assertEquals(320, info.width());
        assertEquals(180, info.height());
        assertEquals(24, info.frameCount());
    }

    /**
     * The appliance's aspect ratios at 1080p: portrait renders at the portrait native size and square at the
     * square one (not a cropped landscape), and the frames come out at exactly the requested size.
     */
    @Test
    void portraitAndSquareOutputsRenderAtTheMatchingNativeShape(@TempDir Path dir) throws Exception {
        assertEquals(new RenderReport("tiny-wan", "test-1", 32, 64, 4, true),
                engine("tiny-wan").render(spec(1080, 1920, 6, 3, false), f -> {
                    assertEquals(1080, f.getWidth());
                    assertEquals(1920, f.getHeight());
                }, RenderControl.unlimited()));
        assertEquals(new RenderReport("tiny-wan", "test-1", 64, 32, 4, true),
                engine("tiny-wan").render(spec(1920, 1080, 6, 3, false), f -> assertEquals(1920, f.getWidth()),
                        RenderControl.unlimited()));
        Path target = dir.resolve("square.mp4");
        RenderReport square;
        try (Mp4Encoder encoder = Mp4Encoder.open(target, 1080, 1080, 24, EncoderOptions.defaults())) {
            square = engine("tiny-ltx").render(spec(1080, 1080, 12, 3, false), encoder, RenderControl.unlimited());
            encoder.finish();
        }
        assertEquals(new RenderReport("tiny-ltx", "test-1", 64, 64, 4, true), square);
        VideoInfo info = Mp4Probe.probe(target);
        assertEquals(1080, info.width());
        assertEquals(1080, info.height());
    }

    @Test
    void ltxRendersItsOwnNativeSizeAndFrameRule() throws Exception {
        List<String> frames = new ArrayList<>();
        RenderReport report = engine("tiny-ltx").render(spec(96, 64, 30, 5, false), f -> frames.add(digest(f)), RenderControl.unlimited());
        assertEquals(30, frames.size());
        assertEquals(new RenderReport("tiny-ltx", "test-1", 96, 64, 4, false), report);
    }

    @Test
    void theSameSeedGivesTheSameFramesAndAnotherSeedOthers() throws Exception {
        List<String> first = digests(engine("tiny-wan"), spec(160, 90, 12, 11, false));
        assertEquals(first, digests(engine("tiny-wan"), spec(160, 90, 12, 11, false)));
        assertNotEquals(first, digests(engine("tiny-wan"), spec(160, 90, 12, 12, false)));
        assertNotEquals(first, digests(engine("tiny-wan"), spec(160, 90, 12, 11, true)), "camera_fixed changes the conditioning");
    }

    @Test
    void concurrentRendersOnOneEngineGiveWhatSequentialOnesDo() throws Exception {
        PackageEngine wan = engine("tiny-wan");
        List<String> a = digests(wan, spec(160, 90, 8, 21, false));
        List<String> b = digests(wan, spec(160, 90, 8, 22, true));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<String>> fa = pool.submit(() -> digests(wan, spec(160, 90, 8, 21, false)));
            Future<List<String>> fb = pool.submit(() -> digests(wan, spec(160, 90, 8, 22, true)));
            assertEquals(a, fa.get());
            assertEquals(b, fb.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCancelStopsTheRenderBetweenSteps() {
        PackageEngine wan = engine("tiny-wan");
        List<Double> progress = new ArrayList<>();
        List<BufferedImage> delivered = new ArrayList<>();
        RenderControl cancelAtStepThree = p -> {
            progress.add(p);
            if (progress.size() == 3) {
                throw new RenderCancelledException("render.canceled", "stopped by the test");
            }
        };
        RenderException e = assertThrows(RenderCancelledException.class,
                () -> wan.render(spec(160, 90, 12, 1, false), delivered::add, cancelAtStepThree));
        assertEquals("render.canceled", e.code());
        assertEquals(List.of(0.0, FlowSampler.PROGRESS_SHARE / 4, FlowSampler.PROGRESS_SHARE / 2), progress);
        assertTrue(delivered.isEmpty());
    }

    @Test
    void progressRisesToOne() throws Exception {
        List<Double> progress = new ArrayList<>();
        engine("tiny-ltx").render(spec(96, 64, 6, 1, false), f -> { }, progress::add);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), progress.toString());
        }
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    @Test
    void imageToVideoIsConditionedOnTheStartImageAndNeedsOne() throws Exception {
        PackageEngine i2v = engine("tiny-wan-i2v");
        assertTrue(i2v.status().ready(), i2v.status().detail());
        assertEquals(new ImageSupport(ImageSupport.Mode.REQUIRED, "tiny-wan-i2v (Wan 2.1 I2V 14B)"), i2v.imageSupport());
        assertEquals(new ImageSupport(ImageSupport.Mode.NONE, "tiny-wan (Wan 2.1 T2V 1.3B)"),
                engine("tiny-wan").imageSupport());
        List<String> red = digests(i2v, withImage(spec(1280, 720, 8, 3, false), new java.awt.Color(230, 30, 30)));
        List<String> blue = digests(i2v, withImage(spec(1280, 720, 8, 3, false), new java.awt.Color(20, 40, 220)));
        assertEquals(8, red.size());
        assertNotEquals(red, blue, "another start image, another clip from the same seed");
        assertEquals(red, digests(i2v, withImage(spec(1280, 720, 8, 3, false), new java.awt.Color(230, 30, 30))));
        RenderException noImage = assertThrows(RenderException.class,
                () -> i2v.render(spec(1280, 720, 8, 3, false), f -> { }, RenderControl.unlimited()));
        assertEquals("render.unsupported", noImage.code());
        RenderException t2v = assertThrows(RenderException.class, () -> engine("tiny-wan")
                .render(withImage(spec(1280, 720, 8, 3, false), java.awt.Color.RED), f -> { }, RenderControl.unlimited()));
        assertEquals("render.unsupported", t2v.code());
    }

    /** Wan 2.2 I2V A14B: two experts over the start image's latent (no image tokens), the frames asked for. */
    @Test
    void twoExpertImageToVideoRendersFromTheStartImage() throws Exception {
        PackageEngine i2v = engine("tiny-wan22-i2v");
        assertTrue(i2v.status().ready(), i2v.status().detail());
        assertEquals(ImageSupport.Mode.REQUIRED, i2v.imageSupport().mode());
        for (int seconds : new int[] {1, 5}) {
            List<String> red = digests(i2v, withImage(spec(160, 90, 24 * seconds, 3, false), new java.awt.Color(230, 30, 30)));
            assertEquals(24 * seconds, red.size());
            assertNotEquals(red, digests(i2v, withImage(spec(160, 90, 24 * seconds, 3, false),
                    new java.awt.Color(20, 40, 220))), "another start image, another clip");
        }
    }

    private static RenderSpec withImage(RenderSpec spec, java.awt.Color color) {
        BufferedImage image = new BufferedImage(200, 120, BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 200, 120);
        g.dispose();
        return new RenderSpec(spec.prompt(), spec.negativePrompt(), spec.width(), spec.height(), spec.frameCount(),
                spec.fps(), spec.seed(), spec.cameraFixed(), image);
    }

    /**
     * Frames out == frames asked for, per family: the decoder (Wan's chunked causal VAE: one module for the first
     * latent frame, one step per later frame; LTX's whole-clip decoder) turns any latent frame count F into the
     * family's t(F-1)+1 frames, and whole renders of 1 to 5 s succeed, which they only do when the decoded count
     * equals the plan's (the negative case is below).
     */
    @Test
    void everyFamilyDecodesTheFrameCountAskedFor() throws Exception {
        for (String name : List.of("tiny-wan", "tiny-wan-i2v", "tiny-ltx", "tiny-ltx-distilled")) {
            try (LoadedModel model = LoadedModel.load(io.reelforge.models.ModelPackage.open(Fixtures.pkg(name)),
                    ai.djl.Device.cpu()); ai.djl.ndarray.NDManager m = model.denoiser().manager().newSubManager()) {
                io.reelforge.models.LatentSpec latent = model.manifest().latent();
                for (int f = 1; f <= 6; f++) {
                    ai.djl.ndarray.NDArray video = model.decoder().decode(m.randomNormal(
                            new ai.djl.ndarray.types.Shape(1, latent.channels(), f, 2, 3)), new SeededNoise(f));
                    assertEquals(new ai.djl.ndarray.types.Shape(1, 3, latent.temporalCompression() * (f - 1) + 1,
                            2L * latent.spatialCompression(), 3L * latent.spatialCompression()), video.getShape(),
                            name + " with " + f + " latent frames");
                }
            }
        }
        for (int seconds = 1; seconds <= 5; seconds++) {
            int frames = 24 * seconds;
            assertEquals(frames, digests(engine("tiny-wan"), spec(160, 90, frames, seconds, false)).size());
            assertEquals(frames, digests(engine("tiny-ltx"), spec(96, 64, frames, seconds, false)).size());
            assertEquals(frames, digests(engine("tiny-wan-i2v"), withImage(spec(160, 90, frames, seconds, false),
                    java.awt.Color.ORANGE)).size());
        }
    }

    /** A decoder that returns its traced frame count whatever it is given fails the render, never a short clip. */
    @Test
    void aDecoderThatReturnsAnotherFrameCountFailsTheRender() {
        try (PackageEngine fixed = Fixtures.engine("tiny-ltx-fixedframes")) {
            assertTrue(fixed.status().ready(), "its shapes fit the load's probe: " + fixed.status().detail());
            List<BufferedImage> delivered = new ArrayList<>();
            RenderException e = assertThrows(RenderException.class,
                    () -> fixed.render(spec(64, 64, 48, 1, false), delivered::add, RenderControl.unlimited()));
            assertEquals("render.failed", e.code());
            assertTrue(e.getMessage().contains("returned 9 frames but 49 were asked for"), e.getMessage());
            assertTrue(delivered.isEmpty(), "no frame of a wrong clip is delivered");
        }
    }

    /** A trace bakes its device in: a package traced for a GPU is refused on a CPU engine, with the reason. */
    @Test
    void aPackageTracedForAnotherKindOfDeviceIsRefused(@TempDir Path dir) throws Exception {
        Path gpu = Fixtures.copy("tiny-wan", dir, "gpu-1");
        java.nio.file.Path manifest = gpu.resolve("manifest.json");
        java.nio.file.Files.writeString(manifest, java.nio.file.Files.readString(manifest)
                .replace("\"device\": \"cpu\"", "\"device\": \"gpu\""));
        try (PackageEngine engine = new PackageEngine(gpu, ai.djl.Device.cpu())) {
            assertFalse(engine.status().ready());
            assertTrue(engine.status().detail().contains("the package was traced for gpu (its device is baked into the"
                    + " TorchScript) but this appliance renders on cpu: export it again with --device cpu"),
                    engine.status().detail());
        }
    }

    @Test
    void aPackageWhoseShapesDoNotFitIsNotReadyAndSaysWhy() throws Exception {
        try (PackageEngine bad = Fixtures.engine("tiny-wan-badshape")) {
            assertFalse(bad.status().ready());
            assertTrue(bad.status().detail().contains("denoiser returned shape (1, 8, 2, 2, 2)"), bad.status().detail());
            RenderException e = assertThrows(RenderException.class,
                    () -> bad.render(spec(160, 90, 4, 1, false), f -> { }, RenderControl.unlimited()));
            assertEquals("render.unavailable", e.code());
        }
    }

    static RenderSpec spec(int width, int height, int frames, long seed, boolean cameraFixed) {
        return new RenderSpec("a red fox runs through the snow", "blurry", width, height, frames, 24, seed,
                cameraFixed, null);
    }

    static List<String> digests(PackageEngine engine, RenderSpec spec) throws RenderException {
        List<String> out = new ArrayList<>();
        engine.render(spec, f -> out.add(digest(f)), RenderControl.unlimited());
        return out;
    }

    static String digest(BufferedImage frame) {
        try {
            byte[] bytes = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
