package io.reelforge.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.SplittableRandom;

/** Stars above the horizon, each twinkling at its own rate; they sit at infinity, so only pans and orbits move them. */
final class StarField implements Layer {

    private static final Color STARLIGHT = Colors.rgb(236, 240, 255);

    private final float[] x;
    private final float[] y;
    private final float[] size;
    private final float[] brightness;
    private final float[] rate;
    private final float[] phase;

    StarField(SplittableRandom random, int width, int height, double horizonY) {
        int count = Math.max(60, width * height / 3500);
        x = new float[count];
        y = new float[count];
        size = new float[count];
        brightness = new float[count];
        rate = new float[count];
        phase = new float[count];
        double span = width * (1 + 2 * Camera.SKY_MARGIN);
        for (int i = 0; i < count; i++) {
            x[i] = (float) (random.nextDouble() * span - width * Camera.SKY_MARGIN);
            y[i] = (float) (Math.pow(random.nextDouble(), 1.3) * horizonY * 0.95);
            double fadeNearHorizon = Math.min(1, (horizonY - y[i]) / (0.25 * horizonY));
            size[i] = random.nextDouble() < 0.06 ? 3 : random.nextDouble() < 0.3 ? 2 : 1;
            brightness[i] = (float) ((0.35 + 0.65 * random.nextDouble()) * fadeNearHorizon);
            rate[i] = (float) (0.4 + 2.6 * random.nextDouble());
            phase[i] = (float) (random.nextDouble() * Math.PI * 2);
        }
    }

    @Override
    public void paint(Graphics2D g, Moment moment) {
        View view = moment.view();
        double s = moment.seconds();
        for (int i = 0; i < x.length; i++) {
            double twinkle = 0.6 + 0.4 * Math.sin(2 * Math.PI * rate[i] * s + phase[i]);
            double alpha = brightness[i] * twinkle;
            if (alpha > 0.04) {
                g.setColor(Colors.alpha(STARLIGHT, alpha));
                int px = (int) Math.round(view.x(View.FAR, x[i]) - size[i] / 2);
                int py = (int) Math.round(view.y(View.FAR, y[i]) - size[i] / 2);
                g.fillRect(px, py, (int) size[i], (int) size[i]);
            }
        }
    }
}
