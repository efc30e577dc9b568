package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Paint;
import java.awt.PaintContext;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Transparency;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * A two-colour gradient down the y axis, {@code c1} at {@code y1} to {@code c2} at {@code y2} and flat beyond them
 * (what {@code new GradientPaint(0, y1, c1, 0, y2, c2)} paints), filled a row at a time. Under the transforms the
 * layers paint through (translation, uniform scale, the forest's horizontal shear) every row of the frame has one
 * colour, so a row of a tile is one array fill instead of a colour computed per pixel as {@link GradientPaint}
 * does: the landforms, the forests and the sea body are most of a landscape frame's area. Under a transform that
 * mixes x into y it hands over to {@link GradientPaint}.
 */
final class VerticalGradient implements Paint {

    private static final DirectColorModel OPAQUE = new DirectColorModel(24, 0xff0000, 0xff00, 0xff);

    private final float y1;
    private final float y2;
    private final Color c1;
    private final Color c2;

    VerticalGradient(double y1, Color c1, double y2, Color c2) {
        this.y1 = (float) y1;
        this.y2 = (float) y2;
        this.c1 = c1;
        this.c2 = c2;
    }

    @Override
    public PaintContext createContext(ColorModel cm, Rectangle deviceBounds, Rectangle2D userBounds,
                                      AffineTransform xform, RenderingHints hints) {
        double top = xform.getScaleY() * y1 + xform.getTranslateY();
        double bottom = xform.getScaleY() * y2 + xform.getTranslateY();
        if (xform.getShearY() != 0 || top == bottom) {
            return new GradientPaint(0, y1, c1, 0, y2, c2).createContext(cm, deviceBounds, userBounds, xform, hints);
        }
        return new Rows(top, bottom, getTransparency() == Transparency.OPAQUE ? OPAQUE : ColorModel.getRGBdefault());
    }

    @Override
    public int getTransparency() {
        return c1.getAlpha() == 255 && c2.getAlpha() == 255 ? Transparency.OPAQUE : Transparency.TRANSLUCENT;
    }

    /** One paint operation's rows: the colour of device row y depends on y alone. */
    private final class Rows implements PaintContext {

        private final double top;
        private final double span;
        private final ColorModel model;
        private WritableRaster saved;

        Rows(double top, double bottom, ColorModel model) {
            this.top = top;
            this.span = bottom - top;
            this.model = model;
        }

        @Override
        public ColorModel getColorModel() {
            return model;
        }

        @Override
        public Raster getRaster(int x, int y, int w, int h) {
            WritableRaster raster = saved;
            if (raster == null || raster.getWidth() != w || raster.getHeight() != h) {
                raster = model.createCompatibleWritableRaster(w, h);
                saved = raster;
            }
            int[] pixels = ((DataBufferInt) raster.getDataBuffer()).getData();
            for (int row = 0; row < h; row++) {
                // the pixel's centre, as GradientPaint samples it
                double t = Math.max(0, Math.min(1, (y + row + 0.5 - top) / span));
                Arrays.fill(pixels, row * w, row * w + w, argb(t));
            }
            return raster;
        }

        @Override
        public void dispose() {
            saved = null;
        }
    }

    private int argb(double t) {
        int a = channel(c1.getAlpha(), c2.getAlpha(), t);
        int r = channel(c1.getRed(), c2.getRed(), t);
        int g = channel(c1.getGreen(), c2.getGreen(), t);
        int b = channel(c1.getBlue(), c2.getBlue(), t);
        return a << 24 | r << 16 | g << 8 | b;
    }

    private static int channel(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }
}
