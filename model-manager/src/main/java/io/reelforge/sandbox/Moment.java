package io.reelforge.sandbox;

/**
 * One frame's instant. Camera moves follow {@code t} (they span the clip whatever its length); things that
 * move by themselves follow {@code seconds}, so a longer clip does not make waves faster.
 *
 * @param t 0 at the first frame, 1 at the last
 */
record Moment(int frame, double t, double seconds, View view) {
}
