package io.reelforge.sandbox;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What the prompt asked for: scene elements, light, weather and camera move. Whatever the prompt leaves
 * open is drawn from the seed, so an empty or unrecognised prompt still gives a varied, sensible scene.
 */
record ScenePlan(Set<SceneElement> elements, TimeOfDay time, Set<Weather> weather, CameraMove move) {

    private static final List<Set<SceneElement>> DEFAULT_SCENES = List.of(
            EnumSet.of(SceneElement.MOUNTAINS),
            EnumSet.of(SceneElement.SEA),
            EnumSet.of(SceneElement.MOUNTAINS, SceneElement.FOREST),
            EnumSet.of(SceneElement.MOUNTAINS, SceneElement.SEA),
            EnumSet.of(SceneElement.CITY, SceneElement.SEA),
            EnumSet.of(SceneElement.DESERT));
    private static final List<TimeOfDay> DEFAULT_TIMES = List.of(TimeOfDay.DAY, TimeOfDay.DAY, TimeOfDay.SUNSET, TimeOfDay.DAWN);

    ScenePlan {
        elements = Collections.unmodifiableSet(EnumSet.copyOf(elements));
        weather = Collections.unmodifiableSet(EnumSet.copyOf(weather));
    }

    static ScenePlan read(String prompt, String negativePrompt, long seed) {
        PromptText text = PromptText.of(prompt, negativePrompt);
        SplittableRandom random = Noise.random(seed, "plan");
        Set<SceneElement> elements = text.all(SceneElement.class);
        if (elements.contains(SceneElement.STUDIO)) {
            elements = EnumSet.of(SceneElement.STUDIO);
        } else if (elements.isEmpty()) {
            elements = DEFAULT_SCENES.get(random.nextInt(DEFAULT_SCENES.size()));
        }
        boolean starry = elements.contains(SceneElement.STARS);
        TimeOfDay time = text.first(TimeOfDay.class)
                .orElseGet(() -> starry ? TimeOfDay.NIGHT : DEFAULT_TIMES.get(random.nextInt(DEFAULT_TIMES.size())));
        Set<Weather> weather = text.all(Weather.class);
        if (weather.size() > 1) {
            weather.remove(Weather.CLEAR);
        }
        if (weather.isEmpty()) {
            weather = EnumSet.of(starry || random.nextInt(3) > 0 ? Weather.CLEAR : Weather.CLOUDS);
        }
        return new ScenePlan(elements, time, weather, text.first(CameraMove.class).orElse(CameraMove.GENTLE));
    }

    boolean has(SceneElement element) {
        return elements.contains(element);
    }

    boolean has(Weather kind) {
        return weather.contains(kind);
    }

    /** Rain and snow come from a grey sky; plain clouds leave the sun out. */
    boolean overcast() {
        return has(Weather.RAIN) || has(Weather.SNOW) || has(Weather.CLOUDS);
    }

    /** Whether anything covers the ground between the horizon and the camera; if not, hills are added. */
    boolean hasForeground() {
        return has(SceneElement.SEA) || has(SceneElement.DESERT) || has(SceneElement.FOREST) || has(SceneElement.CITY);
    }
}
