package io.reelforge.sandbox;

/** What stands in the scene; several combine, except the studio, which is a scene of its own. */
enum SceneElement {
    MOUNTAINS, SEA, CITY, FOREST, DESERT, STARS, STUDIO
}
