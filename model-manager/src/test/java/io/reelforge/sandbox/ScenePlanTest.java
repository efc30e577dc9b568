package io.reelforge.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenePlanTest {

    private static ScenePlan read(String prompt) {
        return ScenePlan.read(prompt, "", 1);
    }

    @Test
    void readsACombinedPrompt() {
        ScenePlan plan = read("Misty mountain valley at dawn");
        assertEquals(EnumSet.of(SceneElement.MOUNTAINS), plan.elements());
        assertEquals(TimeOfDay.DAWN, plan.time());
        assertEquals(EnumSet.of(Weather.MIST), plan.weather());
        assertEquals(CameraMove.GENTLE, plan.move());
    }

    @Test
    void combinesElementsAndReadsPunctuatedPhrases() {
        ScenePlan plan = read("DRONE fly-over: a city skyline by the sea, at night");
        assertEquals(EnumSet.of(SceneElement.CITY, SceneElement.SEA), plan.elements());
        assertEquals(TimeOfDay.NIGHT, plan.time());
        assertEquals(CameraMove.GLIDE, plan.move());
    }

    @ParameterizedTest
    @CsvSource({
            "snowy alpine peaks, MOUNTAINS", "waves rolling onto the beach, SEA", "rugged coastline, SEA",
            "downtown skyscrapers, CITY", "deep woods, FOREST", "pine trees, FOREST", "sahara dunes, DESERT",
            "the milky way, STARS", "starry sky, STARS", "product shot of a watch, STUDIO", "sneaker on a turntable, STUDIO"})
    void synonymsPickElements(String prompt, SceneElement expected) {
        assertTrue(read(prompt).has(expected), () -> prompt + " -> " + read(prompt));
    }

    @ParameterizedTest
    @CsvSource({"sunrise over hills, DAWN", "at noon, DAY", "golden hour light, SUNSET", "at dusk, SUNSET",
            "moonlit lake, NIGHT", "a starry sky, NIGHT"})
    void wordsPickTheTimeOfDay(String prompt, TimeOfDay expected) {
        assertEquals(expected, read(prompt).time());
    }

    @ParameterizedTest
    @CsvSource({"slow pan across the hills, PAN", "zoom in on the peak, ZOOM", "push-in on the city, ZOOM",
            "orbit the tower, ORBIT", "rotating view, ORBIT", "aerial view, GLIDE", "fly-over of the coast, GLIDE",
            "a quiet lake, GENTLE"})
    void wordsPickTheCameraMove(String prompt, CameraMove expected) {
        assertEquals(expected, read(prompt).move());
    }

    @Test
    void weatherCombinesAndClearGivesWayToAnythingElse() {
        assertEquals(EnumSet.of(Weather.MIST, Weather.RAIN), read("foggy, rainy forest").weather());
        assertEquals(EnumSet.of(Weather.CLEAR), read("clear sky over the sea").weather());
        assertEquals(EnumSet.of(Weather.SNOW), read("clear and snowy mountains").weather());
    }

    @Test
    void theFirstTimeOfDayNamedWins() {
        assertEquals(TimeOfDay.SUNSET, read("sunset fading into night").time());
        assertEquals(TimeOfDay.NIGHT, read("night after a sunset").time());
    }

    @Test
    void negatedWordsAndTheNegativePromptDoNotCount() {
        assertFalse(read("mountains with no snow").has(Weather.SNOW));
        assertFalse(read("a forest without any fog").has(Weather.MIST));
        assertTrue(read("a forest without any fog").has(SceneElement.FOREST));
        assertFalse(ScenePlan.read("rain over the sea", "rain, blur", 1).has(Weather.RAIN));
        assertTrue(ScenePlan.read("rain over the sea", "rain, blur", 1).has(SceneElement.SEA));
    }

    @Test
    void matchesWholeWordsOnly() {
        // nothing matches, so the plan is the seed's default, as for any unrecognised prompt
        assertEquals(read("a cat"), read("a starfish in a seashell"));
    }

    @Test
    void theStudioIsASceneOfItsOwn() {
        assertEquals(EnumSet.of(SceneElement.STUDIO), read("product shot of sunglasses in the desert").elements());
    }

    @Test
    void unrecognisedPromptsGetASeededSensibleDefault() {
        Set<Set<SceneElement>> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            ScenePlan plan = ScenePlan.read("a cat", "", seed);
            assertEquals(plan, ScenePlan.read("a cat", "", seed), "same seed, same plan");
            assertFalse(plan.elements().isEmpty());
            assertFalse(plan.has(SceneElement.STUDIO));
            assertEquals(CameraMove.GENTLE, plan.move());
            seen.add(plan.elements());
        }
        assertTrue(seen.size() >= 3, "defaults vary with the seed: " + seen);
    }
}
