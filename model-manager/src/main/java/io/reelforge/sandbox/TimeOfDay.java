package io.reelforge.sandbox;

/** The light of the scene: sky palette, sun or moon, and how bright the land is. */
enum TimeOfDay {
    DAWN, DAY, SUNSET, NIGHT
}
