package io.reelforge.sandbox;

import java.awt.Color;

/**
 * The light of one scene, from the time of day and the weather.
 *
 * @param sunX        where the sun (or moon) stands across the frame, 0..1
 * @param sunAltitude its height, 0 on the horizon to 1 at the top of the frame
 * @param light       what land colours are multiplied by
 * @param haze        what distant things fade into
 * @param hazeDensity how fast they fade, per unit of depth
 * @param windowsLit  the share of city windows that are lit
 * @param snowCover   how white the ground is, 0..1
 */
record Palette(Color zenith, Color horizon, Color sun, double sunX, double sunAltitude, double sunGlow, boolean moon,
               Color light, Color haze, double hazeDensity, Color cloudLit, Color cloudShade, Color windowLight,
               double windowsLit, double snowCover) {

    static Palette of(ScenePlan plan, double sunX) {
        Palette clear = switch (plan.time()) {
            case DAWN -> new Palette(Colors.rgb(78, 96, 158), Colors.rgb(250, 196, 162), Colors.rgb(255, 226, 180),
                    sunX, 0.10, 0.75, false, Colors.rgb(236, 206, 196), Colors.rgb(236, 200, 190), 0.07,
                    Colors.rgb(255, 222, 214), Colors.rgb(150, 130, 160), Colors.rgb(255, 224, 170), 0.25, 0);
            case DAY -> new Palette(Colors.rgb(52, 112, 196), Colors.rgb(176, 208, 236), Colors.rgb(255, 252, 236),
                    sunX, 0.72, 0.55, false, Colors.rgb(255, 252, 244), Colors.rgb(186, 212, 236), 0.055,
                    Colors.rgb(252, 252, 255), Colors.rgb(170, 182, 204), Colors.rgb(210, 226, 240), 0.15, 0);
            case SUNSET -> new Palette(Colors.rgb(58, 52, 116), Colors.rgb(255, 150, 72), Colors.rgb(255, 208, 128),
                    sunX, 0.13, 0.9, false, Colors.rgb(220, 160, 132), Colors.rgb(240, 150, 110), 0.07,
                    Colors.rgb(255, 190, 150), Colors.rgb(160, 108, 132), Colors.rgb(255, 206, 140), 0.45, 0);
            case NIGHT -> new Palette(Colors.rgb(4, 7, 22), Colors.rgb(24, 36, 72), Colors.rgb(232, 236, 255),
                    sunX, 0.68, 0.35, true, Colors.rgb(84, 96, 132), Colors.rgb(30, 42, 76), 0.10,
                    Colors.rgb(72, 80, 108), Colors.rgb(26, 30, 48), Colors.rgb(255, 208, 130), 0.6, 0);
        };
        return clear.weathered(plan);
    }

    /** Grey skies wash the colour out and hide the sun; mist lifts the haze and thickens it. */
    private Palette weathered(ScenePlan plan) {
        Palette p = this;
        if (plan.overcast()) {
            double level = (zenith.getRed() + zenith.getGreen() + zenith.getBlue()) / (3.0 * 255);
            Color grey = Colors.scale(Colors.rgb(150, 156, 164), 0.45 + level);
            double amount = plan.has(Weather.CLOUDS) && !plan.has(Weather.RAIN) && !plan.has(Weather.SNOW) ? 0.45 : 0.7;
            p = new Palette(Colors.mix(zenith, grey, amount), Colors.mix(horizon, grey, amount * 0.8), sun, sunX, sunAltitude,
                    sunGlow * (1 - amount), moon, Colors.scale(light, 1 - amount * 0.3), Colors.mix(haze, grey, amount),
                    hazeDensity * 1.5, Colors.mix(cloudLit, grey, amount), Colors.scale(Colors.mix(cloudShade, grey, 0.5), 0.8),
                    windowLight, windowsLit, plan.has(Weather.SNOW) ? 0.85 : 0);
        }
        if (plan.has(Weather.MIST)) {
            Color mist = Colors.mix(p.horizon, Colors.scale(p.light, 1.1), 0.35);
            p = new Palette(p.zenith, Colors.mix(p.horizon, mist, 0.5), p.sun, sunX, sunAltitude, p.sunGlow, moon, p.light,
                    mist, p.hazeDensity * 2.6, p.cloudLit, p.cloudShade, windowLight, windowsLit, p.snowCover);
        }
        return p;
    }

    /** Ground (grass, sand, forest floor) at {@code depth}, under snow where it snows. */
    Color ground(Color base, double depth) {
        return land(Colors.mix(base, Colors.rgb(236, 240, 248), snowCover), depth);
    }

    /** A land colour at {@code depth}: lit, then faded into the haze with distance (aerial perspective). */
    Color land(Color base, double depth) {
        double fade = 1 - Math.exp(-hazeDensity * depth);
        return Colors.mix(Colors.lit(base, light), haze, fade);
    }

    /** The sun's (or moon's) height in pixels for a horizon at {@code horizonY} pixels. */
    double sunY(double horizonY) {
        return horizonY * (1 - sunAltitude);
    }

    /** Whether the sun or moon shines enough to glint on water. */
    boolean sunShows() {
        return sunGlow > 0.2;
    }

    /** Light on the sea or snow, the colour of the sun or moon. */
    Color glint() {
        return moon ? Colors.rgb(220, 226, 255) : sun;
    }
}
