package io.reelforge.sandbox;

import io.reelforge.engine.RenderSpec;
import java.awt.image.BufferedImage;
import java.util.List;

/** Image-to-video: the start image on a moving plate under a light and grain overlay. Only the camera words of the prompt matter. */
final class ImageScene {

    private ImageScene() {
    }

    static Scene compose(RenderSpec spec, BufferedImage image, long seed) {
        CameraMove move = PromptText.of(spec.prompt(), spec.negativePrompt()).first(CameraMove.class).orElse(CameraMove.GENTLE);
        double direction = Noise.unit(seed, 2) < 0.5 ? -1 : 1;
        Layer plate = new ImagePlate(image, move, spec.cameraFixed(), direction, spec.width(), spec.height());
        Layer overlay = new FilmOverlay(Noise.random(seed, "grain"), spec.width(), spec.height(), Noise.seed(seed, "film"));
        // the plate moves itself; the scene camera stays still
        Camera still = new Camera(CameraMove.GENTLE, true, 1, spec.width(), spec.height(), spec.height() / 2.0);
        return new Scene(List.of(plate, overlay), still, spec.fps(), spec.frameCount());
    }
}
