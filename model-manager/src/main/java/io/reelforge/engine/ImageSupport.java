package io.reelforge.engine;

import java.util.Objects;

/**
 * What an engine does with a start image now, and the model that decides it: the appliance refuses a request
 * the engine cannot render before charging for it, instead of failing the render later.
 *
 * @param model the model this answer is for, as a user should read it (e.g. {@code wan2.1-t2v-1.3b/3 (Wan 2.1 T2V
 *              1.3B)})
 */
public record ImageSupport(Mode mode, String model) {

    public enum Mode {
        /** Text-to-video only: an image would be ignored, so it is refused. */
        NONE,
        /** Renders from the prompt alone or conditioned on an image. */
        OPTIONAL,
        /** Image-to-video only: every render needs a start image. */
        REQUIRED
    }

    public ImageSupport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(model, "model");
    }

    public static ImageSupport optional(String model) {
        return new ImageSupport(Mode.OPTIONAL, model);
    }

    /** Whether a request with (or without) a start image can be rendered. */
    public boolean accepts(boolean withImage) {
        return mode == Mode.OPTIONAL || (mode == Mode.REQUIRED) == withImage;
    }
}
