package io.reelforge.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reelforge.encoding.EncoderOptions;
import io.reelforge.encoding.Mp4Encoder;
import io.reelforge.engine.EngineSettings;
import io.reelforge.engine.RenderCancelledException;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderDeferredException;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;

class RemoteEngineTest {

    private static final RenderSpec SPEC = new RenderSpec("a red fox", "", 320, 180, 48, 24, 7, false, null);

    @TempDir
    Path dir;

    private static RemoteEngine engine(FakeUpstream up, Map<String, String> more) throws InterruptedException {
        Map<String, String> s = new java.util.HashMap<>(Map.of("upstreams", up.base(), "allow-addresses", "127.0.0.1",
                "poll-interval", "PT0.05S", "retries", "1"));
        s.putAll(more);
        return checked(new RemoteEngine(RemoteSettings.read(EngineSettings.of(s)), Clock.systemUTC()));
    }

    /** The first health check runs in the background; tests start once it has. */
    private static RemoteEngine checked(RemoteEngine engine) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (engine.describe().contains("not checked yet") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return engine;
    }

    /** A 2 s, 16 fps, 160x90 H.264 file: another rate, size and length than the spec's 48 frames at 24 fps, 320x180. */
    private byte[] sixteenFps(int frames) throws Exception {
        Path f = dir.resolve("up.mp4");
        try (Mp4Encoder e = Mp4Encoder.open(f, 160, 90, 16, EncoderOptions.defaults())) {
            BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_3BYTE_BGR);
            for (int i = 0; i < frames; i++) {
                var g = img.createGraphics();
                g.setColor(new Color(i * 255 / frames, 0, 0));
                g.fillRect(0, 0, 160, 90);
                g.dispose();
                e.accept(img);
            }
            e.finish();
        }
        return Files.readAllBytes(f);
    }

    @Test
    void convertsTheUpstreamsFileToTheClipsRateSizeAndFrameCountAndDeletesItUpstream() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); RemoteEngine engine = engine(up, Map.of())) {
            up.content = sixteenFps(32);
            up.pollsBeforeStatus.set(2);
            List<BufferedImage> frames = new ArrayList<>();
            List<Double> progress = new ArrayList<>();
            RenderReport r = engine.render(SPEC, f -> {
                assertEquals(320, f.getWidth());
                assertEquals(BufferedImage.TYPE_3BYTE_BGR, f.getType());
                frames.add(f);
            }, progress::add);
            assertEquals(48, frames.size());
            assertEquals("fake-wan", r.model());
            assertEquals(160, r.nativeWidth());
            assertTrue(r.upscaled());
            assertTrue(progress.contains(0.45), "upstream progress 50 % is 45 % of the render: " + progress);
            assertTrue(up.calls.contains("DELETE /v1/videos/v1"), up.calls.toString());
            assertTrue(engine.status().ready(), engine.status().detail());
        }
    }

    @Test
    void aFileThatIsNoVideoOrTooShortFailsAsBadVideo() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); RemoteEngine engine = engine(up, Map.of())) {
            RenderException e = assertThrows(RenderException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertEquals("upstream.bad_video", e.code());
            up.content = sixteenFps(16);
            e = assertThrows(RenderException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertEquals("upstream.bad_video", e.code());
            assertTrue(e.getMessage().contains("lasts 1.00 s"), e.getMessage());
        }
    }

    @Test
    void anUpstreamFailureIsUpstreamFailedAndARefusalUpstreamRejected() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); RemoteEngine engine = engine(up, Map.of())) {
            up.status = "failed";
            RenderException e = assertThrows(RenderException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertEquals("upstream.failed", e.code());
            assertTrue(e.getMessage().contains("oom: out of memory"), e.getMessage());
            up.submitStatus = 400;
            e = assertThrows(RenderException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertEquals("upstream.rejected", e.code());
        }
    }

    @Test
    void aBusyUpstreamDefersAfterItsRetryAfterAndCoolsDown() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); RemoteEngine engine = engine(up, Map.of())) {
            up.submitStatus = 429;
            long t = System.nanoTime();
            assertThrows(RenderDeferredException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertTrue(System.nanoTime() - t >= 900_000_000L, "waited the Retry-After of 1 s");
            assertTrue(engine.describe().contains("0/1 in flight"), engine.describe());
        }
    }

    @Test
    void aStopWhileTheUpstreamRendersDeletesTheUpstreamJob() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); RemoteEngine engine = engine(up, Map.of())) {
            up.status = "in_progress";
            long until = System.nanoTime() + 300_000_000L;
            RenderControl timeLimit = p -> {
                if (System.nanoTime() > until) {
                    throw new RenderCancelledException("render.timeout", "over time");
                }
            };
            RenderCancelledException e = assertThrows(RenderCancelledException.class, () -> engine.render(SPEC, f -> { }, timeLimit));
            assertEquals("render.timeout", e.code());
            assertTrue(up.calls.contains("DELETE /v1/videos/v1"), up.calls.toString());
        }
    }

    @Test
    void aLostUpstreamIsRetriedThenFailsAndShowsDown() throws Exception {
        FakeUpstream up = new FakeUpstream();
        try (RemoteEngine engine = engine(up, Map.of())) {
            up.close();
            RenderException e = assertThrows(RenderException.class, () -> engine.render(SPEC, f -> { }, p -> { }));
            assertEquals("upstream.unreachable", e.code());
            assertFalse(engine.status().ready());
            assertTrue(engine.status().detail().contains(up.base() + " down"), engine.status().detail());
        }
    }

    @Test
    void loopbackUpstreamsNeedTheAllowListAndBadSettingsAreRefused() throws Exception {
        try (FakeUpstream up = new FakeUpstream();
             RemoteEngine engine = checked(new RemoteEngine(RemoteSettings.read(EngineSettings.of(Map.of("upstreams", up.base()))),
                     Clock.systemUTC()))) {
            assertFalse(engine.status().ready());
            assertTrue(engine.status().detail().contains("allow it with reelforge.engine.remote.allow-addresses"),
                    engine.status().detail());
        }
        assertThrows(IllegalArgumentException.class,
                () -> RemoteSettings.read(EngineSettings.of(Map.of("upstreams", "http://gpu-1:8000/api"))));
        assertThrows(IllegalArgumentException.class,
                () -> RemoteSettings.read(EngineSettings.of(Map.of("upstreams", "http://gpu-1:8000/v1", "max-in-flight", "0"))));
        try (RemoteEngine none = new RemoteEngine(RemoteSettings.read(EngineSettings.none()), Clock.systemUTC())) {
            assertFalse(none.status().ready());
        }
    }

    @Test
    void consoleUpstreamsJoinAtRunTimeWithTheirOwnKeyAndTheConfiguredKeyNeverGoesToThem() throws Exception {
        try (FakeUpstream up = new FakeUpstream();
             RemoteEngine engine = new RemoteEngine(RemoteSettings.read(EngineSettings.of(Map.of("api-key", "configured-key",
                     "allow-addresses", "127.0.0.1", "poll-interval", "PT0.05S", "health-interval", "PT1H"))), Clock.systemUTC())) {
            assertFalse(engine.status().ready(), "no upstream yet");
            java.net.URI base = RemoteEngine.baseUrl(up.base() + "/");
            up.requiredKey = "its-own-key";
            assertEquals(null, engine.test(base, "its-own-key"));
            assertEquals("the key was refused (401)", engine.test(base, "wrong"));
            assertTrue(engine.test(java.net.URI.create("http://169.254.169.254/v1"), "k").contains("allow it with"));

            engine.manage(List.of(new ManagedUpstream(base, 3, "its-own-key")));
            long until = System.nanoTime() + 10_000_000_000L;
            while (!engine.status().ready() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(engine.status().ready(), engine.describe());
            UpstreamState s = engine.upstreams().get(0);
            assertTrue(s.managed() && s.healthy() && s.maxInFlight() == 3, s.toString());

            up.content = sixteenFps(32);
            engine.render(SPEC, f -> { }, p -> { });
            assertTrue(up.authorizations.stream().noneMatch(a -> a.contains("configured-key")), up.authorizations.toString());
            assertTrue(up.authorizations.contains("Bearer its-own-key"));

            engine.manage(List.of());
            assertTrue(engine.upstreams().isEmpty());
            assertFalse(engine.status().ready());
        }
    }
}
