package io.reelforge.sandbox;

import io.reelforge.engine.Engine;
import io.reelforge.engine.EngineStatus;
import io.reelforge.engine.FrameSink;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderReport;
import io.reelforge.engine.RenderSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders procedural scenes on the CPU, deterministically: the same prompt, seed and size give the same
 * bytes. Stands in for a video model in demos and tests; {@code min-render-time} makes it as slow as one.
 * Holds no state between renders, so any number may run at once.
 */
public final class SandboxEngine implements Engine {

    public static final String ID = "sandbox";
    static final String MODEL = "sandbox-procedural";
    static final String MODEL_VERSION = "1";

    /** Read at each render's start: the setting can change while the appliance runs. */
    private final java.util.function.Supplier<Duration> minRenderTime;
    private final int fps;
    private final RenderPacer.Ticker ticker;

    public SandboxEngine() {
        this(Duration.ZERO);
    }

    /** @param minRenderTime the least time a render takes, spread evenly over its frames */
    public SandboxEngine(Duration minRenderTime) {
        this(minRenderTime, 0);
    }

    /**
     * @param fps the frame rate clips come out at whatever is asked, or 0 for the requested one (a test setting: it
     *            makes this appliance an upstream whose files a consumer must convert)
     */
    public SandboxEngine(Duration minRenderTime, int fps) {
        this(minRenderTime, fps, RenderPacer.Ticker.SYSTEM);
    }

    /** With the pacer's clock given: a test's, so that pacing is checked without waiting on the wall clock. */
    SandboxEngine(Duration minRenderTime, int fps, RenderPacer.Ticker ticker) {
        this(fixed(minRenderTime), fps, ticker);
    }

    /**
     * @param minRenderTime read when each render starts (a run-time setting), so a change applies to the next
     *                      render; a negative value fails that render
     */
    public SandboxEngine(java.util.function.Supplier<Duration> minRenderTime, int fps) {
        this(minRenderTime, fps, RenderPacer.Ticker.SYSTEM);
    }

    private SandboxEngine(java.util.function.Supplier<Duration> minRenderTime, int fps, RenderPacer.Ticker ticker) {
        Objects.requireNonNull(minRenderTime, "minRenderTime");
        fixed(minRenderTime.get());
        if (fps < 0 || fps > 120) {
            throw new IllegalArgumentException("fps must be 0 (the requested rate) or 1..120: " + fps);
        }
        this.minRenderTime = minRenderTime;
        this.fps = fps;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
    }

    @Override
    public int frameRate(int requested) {
        return fps == 0 ? requested : fps;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public EngineStatus status() {
        return EngineStatus.ready("cpu");
    }

    @Override
    public RenderReport render(RenderSpec spec, FrameSink sink, RenderControl control) throws RenderException {
        int frames = spec.frameCount();
        Scene scene = compose(spec);
        RenderPacer pacer = new RenderPacer(fixed(minRenderTime.get()).get(), frames, control, ticker);
        BufferedImage frame = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < frames; i++) {
            control.checkpoint(i / (double) frames);
            Graphics2D g = frame.createGraphics();
            try {
                scene.paint(g, i);
            } finally {
                g.dispose();
            }
            sink.accept(frame);
            pacer.frameDone(i);
        }
        control.checkpoint(1.0);
        return new RenderReport(MODEL, MODEL_VERSION, spec.width(), spec.height(), 0, false);
    }

    /** The seed mixes the request's seed with its prompt, so two prompts with one seed still differ. */
    static long sceneSeed(RenderSpec spec) {
        String prompt = spec.prompt().trim().toLowerCase(Locale.ROOT);
        return Noise.mix(spec.seed()) ^ Noise.mix(prompt.hashCode());
    }

    static Scene compose(RenderSpec spec) {
        long seed = sceneSeed(spec);
        return spec.startImage()
                .map(image -> ImageScene.compose(spec, image, seed))
                .orElseGet(() -> SceneComposer.compose(spec, ScenePlan.read(spec.prompt(), spec.negativePrompt(), seed), seed));
    }

    /** A checked least render time, as a supplier. */
    private static java.util.function.Supplier<Duration> fixed(Duration minRenderTime) {
        Objects.requireNonNull(minRenderTime, "minRenderTime");
        if (minRenderTime.isNegative()) {
            throw new IllegalArgumentException("min-render-time must not be negative: " + minRenderTime);
        }
        return () -> minRenderTime;
    }
}
