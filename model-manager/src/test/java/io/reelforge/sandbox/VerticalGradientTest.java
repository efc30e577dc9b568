package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class VerticalGradientTest {

    private static final Color LIT = new Color(132, 136, 152);
    private static final Color DARK = new Color(20, 60, 30);

    @Test
    void paintsWhatGradientPaintPaintsUnderTheLayersTransforms() {
        AffineTransform zoomed = new AffineTransform(1.37, 0, 0, 1.37, -41.5, 12.25);
        AffineTransform swaying = new AffineTransform(zoomed);
        swaying.translate(0, 150);
        swaying.shear(0.04, 0);
        swaying.translate(0, -150);
        for (AffineTransform transform : new AffineTransform[] {new AffineTransform(), zoomed, swaying}) {
            BufferedImage ours = paint(new VerticalGradient(40, LIT, 170, DARK), transform);
            BufferedImage theirs = paint(new GradientPaint(0, 40, LIT, 0, 170, DARK), transform);
            assertTrue(maxDifference(ours, theirs) <= 2, "at most 2 levels apart under " + transform + ": "
                    + maxDifference(ours, theirs));
        }
    }

    @Test
    void aTransformThatMixesXIntoYGetsGradientPaintsOwnColours() {
        AffineTransform turned = AffineTransform.getRotateInstance(0.3, 160, 90);
        BufferedImage ours = paint(new VerticalGradient(40, LIT, 170, DARK), turned);
        BufferedImage theirs = paint(new GradientPaint(0, 40, LIT, 0, 170, DARK), turned);
        assertEquals(0, maxDifference(ours, theirs));
    }

    @Test
    void flatBeyondItsEnds() {
        BufferedImage image = paint(new VerticalGradient(60, LIT, 100, DARK), new AffineTransform());
        assertEquals(LIT.getRGB() & 0xffffff, image.getRGB(65, 35) & 0xffffff);
        assertEquals(DARK.getRGB() & 0xffffff, image.getRGB(160, 170) & 0xffffff);
        int middle = image.getRGB(160, 80);
        assertTrue(((middle >> 16) & 0xff) < LIT.getRed() && ((middle >> 16) & 0xff) > DARK.getRed(), "between the two");
    }

    /** A hill (from y 30-90 down) and an ellipse (x 20-110, y 10-60), anti-aliased, on a 3-byte BGR frame as the sandbox paints. */
    private static BufferedImage paint(Paint paint, AffineTransform transform) {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 320, 180);
            g.transform(transform);
            g.setPaint(paint);
            Path2D.Double hill = new Path2D.Double();
            hill.moveTo(-50, 400);
            for (int x = -50; x <= 370; x += 10) {
                hill.lineTo(x, 60 + 30 * Math.sin(x / 23.0));
            }
            hill.lineTo(370, 400);
            hill.closePath();
            g.fill(hill);
            g.fill(new Ellipse2D.Double(20, 10, 90, 50));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
                }
            }
        }
        return max;
    }
}
