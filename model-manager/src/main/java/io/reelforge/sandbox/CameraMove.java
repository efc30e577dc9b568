package io.reelforge.sandbox;

/** How the camera travels over the clip. {@link #GENTLE} is what a prompt gets when it names no move. */
enum CameraMove {
    GLIDE, PAN, ZOOM, ORBIT, GENTLE
}
