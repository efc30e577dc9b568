package io.reelforge.sandbox;

import io.reelforge.engine.RenderSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out a procedural scene for one render: which layers, at which depths, back to front. Each layer
 * gets its own seed (by name), so adding one does not reshuffle the others.
 */
final class SceneComposer {

    private final ScenePlan plan;
    private final long seed;
    private final int width;
    private final int height;
    private final double horizonY;
    private final Palette palette;
    private final List<Layer> layers = new ArrayList<>();

    private SceneComposer(ScenePlan plan, long seed, int width, int height) {
        this.plan = plan;
        this.seed = seed;
        this.width = width;
        this.height = height;
        this.horizonY = height * horizon(plan);
        this.palette = Palette.of(plan, 0.22 + 0.56 * Noise.unit(seed, 1));
    }

    static Scene compose(RenderSpec spec, ScenePlan plan, long seed) {
        SceneComposer composer = new SceneComposer(plan, seed, spec.width(), spec.height());
        double direction = Noise.unit(seed, 2) < 0.5 ? -1 : 1;
        Camera camera = new Camera(plan.move(), spec.cameraFixed(), direction, spec.width(), spec.height(), composer.horizonY);
        if (plan.has(SceneElement.STUDIO)) {
            composer.studio();
        } else {
            composer.landscape();
        }
        return new Scene(composer.layers, camera, spec.fps(), spec.frameCount());
    }

    /** Open sky scenes put the horizon low; water and dunes want more ground. */
    private static double horizon(ScenePlan plan) {
        if (plan.has(SceneElement.SEA)) {
            return 0.56;
        }
        if (plan.has(SceneElement.CITY)) {
            return 0.64;
        }
        boolean onlySky = plan.elements().stream().allMatch(e -> e == SceneElement.STARS);
        return onlySky ? 0.78 : 0.6;
    }

    private void studio() {
        layers.add(Studio.cyclorama(width, height, plan.time()));
        layers.add(new Turntable(random("turntable"), width, height));
    }

    private void landscape() {
        layers.add(Sky.backdrop(width, height, horizonY, palette));
        if (plan.time() == TimeOfDay.NIGHT || plan.has(SceneElement.STARS)) {
            layers.add(new StarField(random("stars"), width, height, horizonY));
        }
        layers.add(Atmosphere.clouds(random("clouds"), plan, palette, width, height, horizonY));
        Landforms land = new Landforms(random("land"), palette, width, height);
        if (plan.has(SceneElement.MOUNTAINS)) {
            mountains(land);
        }
        if (plan.has(SceneElement.CITY)) {
            city();
        }
        if (plan.has(SceneElement.SEA)) {
            layers.add(new Sea(random("sea"), palette, width, height, horizonY, Noise.seed(seed, "glitter")));
        }
        if (plan.has(SceneElement.DESERT)) {
            desert(land);
        }
        if (plan.has(SceneElement.FOREST)) {
            forest();
        }
        if (!plan.hasForeground()) {
            layers.add(land.hills(1.8, horizon(0.16), 0.07));
        }
        weather();
    }

    private void mountains(Landforms land) {
        boolean snowy = plan.has(Weather.SNOW) || Noise.unit(seed, 3) < 0.5;
        layers.add(land.mountains(9, horizon(0.01), 0.27, snowy));
        mist(7, horizon(0.0), 0.5);
        layers.add(land.mountains(6, horizon(0.03), 0.19, plan.has(Weather.SNOW)));
        mist(5, horizon(0.04), 0.45);
        layers.add(land.mountains(4, horizon(0.07), 0.11, false));
    }

    private void city() {
        boolean waterfront = plan.has(SceneElement.SEA);
        layers.add(new Skyline(random("city-far"), palette, width, 6, horizon(0.005), height * 0.2, Noise.seed(seed, "lights-far")));
        double nearBase = waterfront ? horizon(0.01) : height * 1.02;
        double nearTall = waterfront ? height * 0.3 : nearBase - horizonY + height * 0.22;
        layers.add(new Skyline(random("city-near"), palette, width, 3.5, nearBase, nearTall, Noise.seed(seed, "lights-near")));
    }

    private void desert(Landforms land) {
        if (!plan.has(SceneElement.SEA)) {
            layers.add(land.dunes(5, horizon(0.02), 0.05));
        }
        layers.add(land.dunes(2.6, horizon(0.12), 0.08));
        layers.add(land.dunes(1.3, horizon(0.3), 0.12));
    }

    private void forest() {
        if (!plan.has(SceneElement.SEA)) {
            layers.add(new Forest(random("forest-far"), palette, width, height, 3, horizon(0.08), height * 0.13));
        }
        layers.add(new Forest(random("forest-near"), palette, width, height, 1.4, height * 1.0, height * 0.42));
    }

    private void weather() {
        mist(2, horizon(0.14), 0.3);
        if (plan.has(Weather.RAIN)) {
            layers.add(new Particles(Particles.Kind.RAIN, random("rain"), palette, width, height, 0, height));
        }
        if (plan.has(Weather.SNOW)) {
            layers.add(new Particles(Particles.Kind.SNOW, random("snow"), palette, width, height, 0, height));
        }
        if (plan.has(SceneElement.DESERT) && !plan.has(Weather.RAIN) && !plan.has(Weather.SNOW)) {
            layers.add(new Particles(Particles.Kind.SAND, random("sand"), palette, width, height, horizonY, height));
        }
    }

    /** A mist bank at {@code depth}, only when the prompt asked for mist. */
    private void mist(double depth, double y, double opacity) {
        if (plan.has(Weather.MIST)) {
            layers.add(Atmosphere.mist(random("mist-" + depth), palette, width, height, y, depth, 3, opacity));
        }
    }

    /** A height {@code below} the horizon, as a fraction of the frame height, in pixels. */
    private double horizon(double below) {
        return horizonY + below * height;
    }

    private SplittableRandom random(String part) {
        return Noise.random(seed, part);
    }
}
