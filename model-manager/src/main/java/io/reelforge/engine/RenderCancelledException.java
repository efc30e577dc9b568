package io.reelforge.engine;

/** Thrown out of a render when its caller stopped it: a user cancel ({@code render.canceled}) or a time limit ({@code render.timeout}). */
public class RenderCancelledException extends RenderException {

    public RenderCancelledException(String code, String message) {
        super(code, message);
    }
}
