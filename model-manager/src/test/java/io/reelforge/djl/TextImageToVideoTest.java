package io.reelforge.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import io.reelforge.engine.ImageSupport;
import io.reelforge.engine.RenderControl;
import io.reelforge.engine.RenderSpec;
import io.reelforge.models.ModelPackage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wan 2.2 TI2V 5B's image mode through the Java engine (tiny-wan22-ti2v: an image encoder returning the start image's
 * latent frame 0, a denoiser taking a timestep per token) against make_tiny_fixtures.py's reference, which follows
 * WanImageToVideoPipeline with {@code expand_timesteps}: the image latent in latent frame 0 of every denoiser input
 * and of the decoded latents, timestep 0 on that frame's tokens; text mode with every token at the step's timestep.
 * The reference draws its initial noise as java.util.Random does for the render's seed, so whole renders compare.
 */
class TextImageToVideoTest {

    private static final String NAME = "tiny-wan22-ti2v";

    private static PackageEngine engine;

    @BeforeAll
    static void load() {
        engine = Fixtures.engine(NAME);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void thePackageRendersWithOrWithoutAStartImage() {
        assertTrue(engine.status().ready(), engine.status().detail());
        assertEquals(new ImageSupport(ImageSupport.Mode.OPTIONAL, NAME + " (Wan 2.2 TI2V 5B)"), engine.imageSupport());
    }

    @Test
    void anImageRenderHasTheFramesAskedForAndMatchesThePythonReference() throws Exception {
        assertRenderMatches("image", true);
    }

    @Test
    void aTextRenderOfTheSamePackageMatchesThePythonReference() throws Exception {
        assertRenderMatches("text", false);
    }

    /** The sampled latents' frame 0 is the start image's latent (put back before decode), the rest sampled. */
    @Test
    void theImageLatentHoldsLatentFrameZero() throws Exception {
        JsonNode ref = Fixtures.reference(NAME);
        float[] first = Fixtures.floats(Fixtures.reference(NAME, "first-frame.f32"));
        float[] image = Fixtures.floats(Fixtures.reference(NAME, ref.at("/runs/image/latents").asText()));
        float[] text = Fixtures.floats(Fixtures.reference(NAME, ref.at("/runs/text/latents").asText()));
        try (LoadedModel model = LoadedModel.load(ModelPackage.open(Fixtures.pkg(NAME)), ai.djl.Device.cpu());
                NDManager m = model.denoiser().manager().newSubManager()) {
            NDArray frame = model.image().orElseThrow().firstFrame(m, Fixtures.startImage(ref, NAME),
                    model.manifest().nativeSizes().get(0));
            assertEquals(new Shape(1, 48, 1, 2, 4), frame.getShape());
            assertTrue(maxAbsDiff(frame.toFloatArray(), first) <= 1e-5, "the image encoder's latent frame 0");
            NDArray held = FirstFrameImage.hold(m.create(text, new Shape(1, 48, 7, 2, 4)), frame);
            float[] h = held.toFloatArray();
            int plane = 2 * 4;
            for (int c = 0; c < 48; c++) {
                for (int p = 0; p < plane; p++) {
                    assertEquals(first[c * plane + p], image[c * 7 * plane + p], 1e-5, "reference frame 0");
                    assertEquals(first[c * plane + p], h[c * 7 * plane + p], 1e-6, "held frame 0");
                    for (int f = 1; f < 7; f++) {
                        assertEquals(text[(c * 7 + f) * plane + p], h[(c * 7 + f) * plane + p], 0f, "later frames kept");
                    }
                }
            }
            NDArray t = FirstFrameImage.perToken(m.create(new float[] {800f, 800f}), new Shape(2, 48, 7, 2, 4), true);
            assertEquals(new Shape(2, 14), t.getShape());
            float[] ts = t.toFloatArray();
            for (int i = 0; i < 28; i++) {
                assertEquals(i % 14 < 2 ? 0f : 800f, ts[i], "token " + i % 14 + " of row " + i / 14);
            }
        }
    }

    private static void assertRenderMatches(String mode, boolean withImage) throws Exception {
        JsonNode ref = Fixtures.reference(NAME);
        JsonNode run = ref.path("runs").path(mode);
        int frames = ref.get("frames").asInt();
        assertEquals(25, frames, "1 s at 24 fps");
        BufferedImage start = withImage ? Fixtures.startImage(ref, NAME) : null;
        RenderSpec spec = new RenderSpec(ref.get("prompt").asText(), ref.get("negative_prompt").asText(), 64, 32,
                frames, 24, run.get("seed").asLong(), false, start);
        List<byte[]> out = new ArrayList<>();   // the sink's image may be reused from frame to frame: copied
        engine.render(spec, f -> out.add(((DataBufferByte) f.getRaster().getDataBuffer()).getData().clone()),
                RenderControl.unlimited());
        assertEquals(frames, out.size(), "frames out == frames asked for");
        float[] expected = Fixtures.floats(Fixtures.reference(NAME, run.get("frames").asText()));  // [1, 3, 25, 32, 64]
        int plane = 32 * 64;
        int worst = 0;
        for (int f = 0; f < frames; f++) {
            byte[] bgr = out.get(f);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    int want = Math.round(Math.max(0f, Math.min(255f, (expected[(c * frames + f) * plane + p] + 1f) * 127.5f)));
                    int got = bgr[3 * p + 2 - c] & 0xff;
                    worst = Math.max(worst, Math.abs(want - got));
                }
            }
        }
        System.out.printf("%s %s render: max |java - python| %d of 255 over %d frames%n", NAME, mode, worst, frames);
        assertTrue(worst <= 1, mode + " render differs from the reference by " + worst + " levels");
    }

    /** The start image changes the clip: the two references differ, most of all in the first frames. */
    @Test
    void theStartImageChangesTheClip() throws Exception {
        JsonNode ref = Fixtures.reference(NAME);
        double d = maxAbsDiff(Fixtures.floats(Fixtures.reference(NAME, ref.at("/runs/image/frames").asText())),
                Fixtures.floats(Fixtures.reference(NAME, ref.at("/runs/text/frames").asText())));
        assertTrue(d > 0.05, "image and text renders differ by " + d);
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length, "sizes");
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
