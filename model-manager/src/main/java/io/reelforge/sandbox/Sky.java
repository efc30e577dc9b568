package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;

/** Paints a sky for a {@link Backdrop}: the gradient from zenith to horizon, and the sun or moon with its glow. */
final class Sky {

    private Sky() {
    }

    static Backdrop backdrop(int width, int height, double horizonY, Palette palette) {
        return Backdrop.paint(width, height, g -> paint(g, width, height, horizonY, palette));
    }

    private static void paint(Graphics2D g, int width, int height, double horizonY, Palette p) {
        int margin = (int) Math.ceil(width * Camera.SKY_MARGIN);
        Color belowHorizon = Colors.mix(p.horizon(), p.haze(), 0.5);
        g.setPaint(new LinearGradientPaint(0, 0, 0, (float) horizonY + 1,
                new float[] {0f, 0.55f, 1f},
                new Color[] {p.zenith(), Colors.mix(p.zenith(), p.horizon(), 0.45), p.horizon()}));
        g.fillRect(-margin, 0, width + 2 * margin, (int) Math.ceil(horizonY) + 1);
        g.setColor(belowHorizon);
        g.fillRect(-margin, (int) horizonY, width + 2 * margin, height);
        double sx = p.sunX() * width;
        double sy = p.sunY(horizonY);
        double radius = Math.min(width, height) * (p.moon() ? 0.035 : 0.045);
        float glowRadius = (float) (Math.max(width, height) * 0.45);
        // stops along an exponential fall-off: with fewer, the kinks show as rings
        float[] stops = {0f, 0.06f, 0.15f, 0.3f, 0.5f, 0.75f, 1f};
        Color[] glow = new Color[stops.length];
        for (int i = 0; i < stops.length; i++) {
            glow[i] = Colors.alpha(p.sun(), p.sunGlow() * (Math.exp(-6 * stops[i]) - Math.exp(-6)) / (1 - Math.exp(-6)));
        }
        g.setPaint(new RadialGradientPaint((float) sx, (float) sy, glowRadius, stops, glow));
        g.fillRect(-margin, 0, width + 2 * margin, height);
        if (p.sunGlow() > 0.3) {
            g.setColor(Colors.alpha(p.sun(), Math.min(1, p.sunGlow() + 0.2)));
            g.fill(new Ellipse2D.Double(sx - radius, sy - radius, 2 * radius, 2 * radius));
        }
    }
}
