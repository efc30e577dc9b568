package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A soft light that wanders slowly over the picture and a fine film grain that changes every frame:
 * enough life that an image-to-video clip moves even with the camera fixed, too little to change its colours.
 */
final class FilmOverlay implements Layer {

    private static final int TILE = 128;
    private static final int TILES = 4;
    /** Grain amplitude in 8-bit levels, either way. */
    private static final int GRAIN = 9;

    private final BufferedImage light;
    private final BufferedImage[] grain = new BufferedImage[TILES];
    private final long seed;
    private final int width;
    private final int height;

    FilmOverlay(SplittableRandom random, int width, int height, long seed) {
        this.seed = seed;
        this.width = width;
        this.height = height;
        this.light = lightSprite(Math.max(16, (int) (Math.max(width, height) * 0.7)));
        for (int i = 0; i < TILES; i++) {
            grain[i] = grainTile(random);
        }
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        double s = moment.seconds();
        // a slow Lissajous path: never still, never repeating within a clip
        double lx = width * (0.5 + 0.3 * Math.sin(s * 0.45)) - light.getWidth() / 2.0;
        double ly = height * (0.45 + 0.2 * Math.sin(s * 0.31 + 1)) - light.getHeight() / 2.0;
        g.drawImage(light, (int) Math.round(lx), (int) Math.round(ly), null);
        BufferedImage tile = grain[(int) (Noise.unit(seed, moment.frame()) * TILES)];
        int ox = -(int) (Noise.unit(seed, moment.frame(), 1) * TILE);
        int oy = -(int) (Noise.unit(seed, moment.frame(), 2) * TILE);
        for (int y = oy; y < height; y += TILE) {
            for (int x = ox; x < width; x += TILE) {
                g.drawImage(tile, x, y, null);
            }
        }
    }

    private static BufferedImage lightSprite(int size) {
        BufferedImage sprite = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = sprite.createGraphics();
        try {
            g.setPaint(new RadialGradientPaint(size / 2f, size / 2f, size / 2f, new float[] {0f, 1f},
                    new Color[] {new Color(255, 244, 226, 34), new Color(255, 244, 226, 0)}));
            g.fillRect(0, 0, size, size);
        } finally {
            g.dispose();
        }
        return sprite;
    }

    /** Noise as light or dark specks: white or black at a small random opacity. */
    private static BufferedImage grainTile(SplittableRandom random) {
        BufferedImage tile = new BufferedImage(TILE, TILE, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] pixels = new int[TILE * TILE];
        for (int i = 0; i < pixels.length; i++) {
            int alpha = random.nextInt(GRAIN + 1);
            pixels[i] = alpha << 24 | (random.nextBoolean() ? 0xFFFFFF : 0);
        }
        tile.setRGB(0, 0, TILE, TILE, pixels, 0, TILE);
        return tile;
    }
}
