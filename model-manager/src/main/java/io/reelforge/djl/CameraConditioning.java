package io.reelforge.djl;

import io.reelforge.engine.RenderSpec;

/**
 * What {@code camera_fixed} means to a text-conditioned model that has no camera input: a static-camera
 * phrase appended to the prompt and camera-motion terms to the negative prompt. Wan and LTX-Video were
 * trained on captions that describe camera work this way, so guidance pushes away from motion.
 */
record CameraConditioning(String prompt, String negativePrompt) {

    static final String STATIC_PHRASE = "static camera, fixed tripod shot, no camera movement";
    static final String MOTION_TERMS = "camera motion, pan, tilt, zoom, dolly, orbit, handheld, shaking";

    static CameraConditioning of(RenderSpec spec) {
        if (!spec.cameraFixed()) {
            return new CameraConditioning(spec.prompt(), spec.negativePrompt());
        }
        return new CameraConditioning(join(spec.prompt(), STATIC_PHRASE), join(spec.negativePrompt(), MOTION_TERMS));
    }

    private static String join(String text, String addition) {
        String t = text.strip();
        return t.isEmpty() ? addition : t + ", " + addition;
    }
}
