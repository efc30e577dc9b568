package io.reelforge.sandbox;

import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderException;
import io.reelforge.engine.RenderSpec;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Small renders for the tests. */
final class Renders {

    private Renders() {
    }

    static RenderSpec spec(String prompt, long seed, int frames, boolean cameraFixed) {
        return new RenderSpec(prompt, "", 160, 90, frames, 24, seed, cameraFixed, null);
    }

    /** Every frame, copied (the engine reuses one image). */
    static List<BufferedImage> frames(RenderSpec spec) throws RenderException {
        List<BufferedImage> frames = new ArrayList<>();
        new SandboxEngine().render(spec, frame -> frames.add(FrameStats.copy(frame)), RenderControl.unlimited());
        return frames;
    }

    static List<String> digests(RenderSpec spec) throws RenderException {
        List<String> digests = new ArrayList<>();
        new SandboxEngine().render(spec, frame -> digests.add(FrameStats.sha256(frame)), RenderControl.unlimited());
        return digests;
    }

    /** One frame of a scene composed straight from a plan, bypassing the prompt (and its effect on the seed). */
    static BufferedImage frame(ScenePlan plan, boolean cameraFixed, int frame, int frames) {
        RenderSpec spec = new RenderSpec("", "", 160, 90, frames, 24, 1, cameraFixed, null);
        Scene scene = SceneComposer.compose(spec, plan, 42);
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        scene.paint(g, frame);
        g.dispose();
        return image;
    }
}
