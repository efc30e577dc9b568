package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every choice a prompt can make changes the picture. Scenes are composed from plans with one seed, so the
 * differences come from the choices alone (a different prompt would also change the seed).
 */
class SceneVarietyTest {

    /** Mean per-channel difference, 0..255, that counts as another scene rather than noise. */
    private static final double DISTINCT = 3.0;

    private static ScenePlan plan(Set<SceneElement> elements, TimeOfDay time, Set<Weather> weather, CameraMove move) {
        return new ScenePlan(elements, time, weather, move);
    }

    @Test
    void everySceneElementLooksDifferent() {
        Map<Object, BufferedImage> frames = new LinkedHashMap<>();
        for (SceneElement element : SceneElement.values()) {
            frames.put(element, Renders.frame(plan(EnumSet.of(element), TimeOfDay.DAY, EnumSet.of(Weather.CLEAR), CameraMove.GENTLE), false, 0, 24));
        }
        frames.put("mountains+sea", Renders.frame(plan(EnumSet.of(SceneElement.MOUNTAINS, SceneElement.SEA), TimeOfDay.DAY,
                EnumSet.of(Weather.CLEAR), CameraMove.GENTLE), false, 0, 24));
        assertAllDistinct(frames);
    }

    @Test
    void everyTimeOfDayLooksDifferent() {
        Map<Object, BufferedImage> frames = new LinkedHashMap<>();
        for (TimeOfDay time : TimeOfDay.values()) {
            frames.put(time, Renders.frame(plan(EnumSet.of(SceneElement.SEA), time, EnumSet.of(Weather.CLEAR), CameraMove.GENTLE), false, 0, 24));
        }
        assertAllDistinct(frames);
    }

    @Test
    void everyWeatherLooksDifferent() {
        Map<Object, BufferedImage> frames = new LinkedHashMap<>();
        for (Weather weather : Weather.values()) {
            frames.put(weather, Renders.frame(plan(EnumSet.of(SceneElement.MOUNTAINS), TimeOfDay.DAY, EnumSet.of(weather), CameraMove.GENTLE), false, 0, 24));
        }
        assertAllDistinct(frames);
    }

    @Test
    void everyCameraMoveEndsSomewhereElseFromTheSameStart() {
        Map<Object, BufferedImage> last = new LinkedHashMap<>();
        BufferedImage firstOfAll = null;
        for (CameraMove move : CameraMove.values()) {
            ScenePlan plan = plan(EnumSet.of(SceneElement.MOUNTAINS, SceneElement.FOREST), TimeOfDay.DAY, EnumSet.of(Weather.CLEAR), move);
            BufferedImage first = Renders.frame(plan, false, 0, 24);
            if (firstOfAll == null) {
                firstOfAll = first;
            }
            assertEquals(FrameStats.sha256(firstOfAll), FrameStats.sha256(first), move + " starts elsewhere");
            last.put(move, Renders.frame(plan, false, 23, 24));
        }
        assertAllDistinct(last);
    }

    private static void assertAllDistinct(Map<Object, BufferedImage> frames) {
        Object[] keys = frames.keySet().toArray();
        for (int i = 0; i < keys.length; i++) {
            for (int j = i + 1; j < keys.length; j++) {
                double difference = FrameStats.meanDifference(frames.get(keys[i]), frames.get(keys[j]));
                String pair = keys[i] + " vs " + keys[j] + ": " + difference;
                assertTrue(difference > DISTINCT, pair);
            }
        }
    }
}
