package io.reelforge.sandbox;

/** What the air does; mist and clouds combine with rain or snow. */
enum Weather {
    CLEAR, MIST, RAIN, SNOW, CLOUDS
}
