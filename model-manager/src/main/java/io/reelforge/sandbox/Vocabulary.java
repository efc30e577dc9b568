package io.reelforge.sandbox;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

/**
 * The words that pick each choice, lower case, phrases with single spaces (the prompt is read the same way,
 * so "fly-over" matches "fly over"). One table, so adding a synonym touches one line.
 */
final class Vocabulary {

    private static final Map<Enum<?>, List<String>> WORDS = Map.ofEntries(
            entry(SceneElement.MOUNTAINS, List.of("mountain", "mountains", "mountainous", "peak", "peaks", "alps",
                    "alpine", "valley", "valleys", "summit", "summits", "ridge", "ridges", "cliff", "cliffs", "canyon",
                    "highlands", "hills")),
            entry(SceneElement.SEA, List.of("sea", "seas", "ocean", "oceans", "coast", "coastal", "coastline", "beach",
                    "shore", "seaside", "waves", "wave", "bay", "lake", "surf", "harbor", "harbour", "water")),
            entry(SceneElement.CITY, List.of("city", "cities", "skyline", "skylines", "town", "downtown", "urban",
                    "metropolis", "skyscraper", "skyscrapers", "buildings", "cityscape", "tower", "towers")),
            entry(SceneElement.FOREST, List.of("forest", "forests", "woods", "woodland", "trees", "tree", "pine",
                    "pines", "jungle", "grove", "taiga", "conifers")),
            entry(SceneElement.DESERT, List.of("desert", "deserts", "dune", "dunes", "sahara", "sand", "sandy", "arid")),
            entry(SceneElement.STARS, List.of("stars", "star", "starry", "night sky", "milky way", "galaxy",
                    "constellation", "constellations", "cosmos", "starlight")),
            entry(SceneElement.STUDIO, List.of("studio", "product", "product shot", "turntable", "packshot",
                    "showcase", "pedestal", "cyclorama", "commercial")),
            entry(TimeOfDay.DAWN, List.of("dawn", "sunrise", "daybreak", "morning", "first light")),
            entry(TimeOfDay.DAY, List.of("day", "daytime", "noon", "midday", "afternoon", "sunny", "daylight")),
            entry(TimeOfDay.SUNSET, List.of("sunset", "golden hour", "dusk", "evening", "twilight", "sundown")),
            entry(TimeOfDay.NIGHT, List.of("night", "nighttime", "midnight", "moon", "moonlight", "moonlit",
                    "nocturnal")),
            entry(Weather.CLEAR, List.of("clear", "cloudless", "blue sky")),
            entry(Weather.MIST, List.of("mist", "misty", "mists", "fog", "foggy", "haze", "hazy")),
            entry(Weather.RAIN, List.of("rain", "rainy", "raining", "storm", "stormy", "drizzle", "downpour",
                    "rainfall", "thunderstorm")),
            entry(Weather.SNOW, List.of("snow", "snowy", "snowing", "snowfall", "blizzard", "flurries", "snowflakes",
                    "winter")),
            entry(Weather.CLOUDS, List.of("cloud", "clouds", "cloudy", "overcast", "cumulus")),
            entry(CameraMove.GLIDE, List.of("drone", "glide", "gliding", "aerial", "fly over", "flyover", "flying",
                    "flight", "fly through", "tracking shot", "birds eye")),
            entry(CameraMove.PAN, List.of("pan", "panning", "panorama", "panoramic", "sweep", "sweeping")),
            entry(CameraMove.ZOOM, List.of("zoom", "zooming", "push in", "close up", "closeup", "dolly in")),
            entry(CameraMove.ORBIT, List.of("orbit", "orbiting", "rotate", "rotating", "rotation", "revolve",
                    "revolving", "circling", "360", "arc shot")));

    private Vocabulary() {
    }

    /** The words for one choice; none for the defaults that no word names ({@link CameraMove#GENTLE}). */
    static List<String> words(Enum<?> choice) {
        return WORDS.getOrDefault(choice, List.of());
    }
}
