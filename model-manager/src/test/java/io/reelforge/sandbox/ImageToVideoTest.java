package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.engine.RenderSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageToVideoTest {

    private static final Color RED = new Color(200, 40, 40);
    private static final Color TEAL = new Color(20, 160, 170);

    /** Left half red, right half teal, larger than the frame and of another aspect. */
    private static BufferedImage twoTone() {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, 200, 300);
        g.setColor(TEAL);
        g.fillRect(200, 0, 200, 300);
        g.dispose();
        return image;
    }

    private static RenderSpec spec(String prompt, boolean cameraFixed, BufferedImage image) {
        return new RenderSpec(prompt, "", 160, 90, 24, 24, 9, cameraFixed, image);
    }

    @Test
    void framesShowTheStartImage() throws Exception {
        for (boolean fixed : new boolean[] {true, false}) {
            for (BufferedImage frame : Renders.frames(spec("a sunset over the sea", fixed, twoTone()))) {
                assertNear(RED, FrameStats.meanRgb(frame, 10, 10, 60, 80));
                assertNear(TEAL, FrameStats.meanRgb(frame, 100, 10, 150, 80));
            }
        }
    }

    @Test
    void aFixedCameraKeepsThePictureInPlaceButFramesStillChange() throws Exception {
        List<BufferedImage> frames = Renders.frames(spec("pan", true, twoTone()));
        assertEquals(boundary(frames.get(0)), boundary(frames.get(23)));
        assertEquals(80, boundary(frames.get(0)), 1);
        double change = FrameStats.meanDifference(frames.get(0), frames.get(23));
        assertTrue(change > 0.1 && change < 6, "overlay changes frames a little: " + change);
        assertNotEquals(FrameStats.sha256(frames.get(10)), FrameStats.sha256(frames.get(11)));
    }

    @Test
    void theCameraWordsMoveThePicture() throws Exception {
        List<BufferedImage> pan = Renders.frames(spec("slow pan", false, twoTone()));
        assertTrue(Math.abs(boundary(pan.get(0)) - boundary(pan.get(23))) >= 4, "a pan moves the picture sideways");
        List<BufferedImage> zoom = Renders.frames(spec("", false, centredDisc()));
        assertTrue(discWidth(zoom.get(23)) > discWidth(zoom.get(0)) + 3, "the default move pushes in");
    }

    @Test
    void theImageCoversTheFrameWithItsAspectKept() throws Exception {
        BufferedImage frame = Renders.frames(spec("", true, centredDisc())).get(0);
        int width = discWidth(frame);
        int height = discHeight(frame);
        assertTrue(width > 20, "the disc is there");
        assertEquals(width, height, 2, "a circle stays round");
    }

    /** A white square with a red disc of a third of its side in the middle. */
    private static BufferedImage centredDisc() {
        BufferedImage image = new BufferedImage(300, 300, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.setColor(RED);
        g.fillOval(100, 100, 100, 100);
        g.dispose();
        return image;
    }

    /** The first column of the middle row that is more teal than red. */
    private static int boundary(BufferedImage frame) {
        for (int x = 0; x < frame.getWidth(); x++) {
            Color c = new Color(frame.getRGB(x, frame.getHeight() / 2));
            if (c.getGreen() > c.getRed()) {
                return x;
            }
        }
        return -1;
    }

    private static int discWidth(BufferedImage frame) {
        int count = 0;
        for (int x = 0; x < frame.getWidth(); x++) {
            count += isRed(frame.getRGB(x, frame.getHeight() / 2)) ? 1 : 0;
        }
        return count;
    }

    private static int discHeight(BufferedImage frame) {
        int count = 0;
        for (int y = 0; y < frame.getHeight(); y++) {
            count += isRed(frame.getRGB(frame.getWidth() / 2, y)) ? 1 : 0;
        }
        return count;
    }

    private static boolean isRed(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 150 && c.getGreen() < 120;
    }

    private static void assertNear(Color expected, double[] rgb) {
        double off = Math.abs(expected.getRed() - rgb[0]) + Math.abs(expected.getGreen() - rgb[1])
                + Math.abs(expected.getBlue() - rgb[2]);
        assertTrue(off < 30, () -> "expected about " + expected + ", got " + java.util.Arrays.toString(rgb));
    }
}
