package io.reelforge.sandbox;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.List;

/** The layers of one render, back to front, and the camera that looks at them. */
final class Scene {

    private final List<Layer> layers;
    private final Camera camera;
    private final int fps;
    private final int frames;

    Scene(List<Layer> layers, Camera camera, int fps, int frames) {
        this.layers = List.copyOf(layers);
        this.camera = camera;
        this.fps = fps;
        this.frames = frames;
    }

    Moment moment(int frame) {
        double t = frames > 1 ? frame / (double) (frames - 1) : 0;
        return new Moment(frame, t, frame / (double) fps, camera.at(t));
    }

    /** Paints frame {@code frame} over whatever {@code g} holds; the first layer covers everything. */
    void paint(Graphics2D g, int frame) {
        Moment moment = moment(frame);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform base = g.getTransform();
        for (Layer layer : layers) {
            layer.paint(g, moment);
            g.setTransform(base);
            g.setClip(null);
        }
    }
}
