package io.reelforge.sandbox;

import java.awt.Graphics2D;

/**
 * One depth slice of a scene, built once per render (the expensive, static part) and painted every frame.
 * Painting must depend only on the moment, never on earlier frames, so any frame can be reproduced alone.
 */
interface Layer {
    void paint(Graphics2D g, Moment moment);
}
