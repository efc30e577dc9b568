package io.reelforge.engine;

import java.awt.image.BufferedImage;

/**
 * Where an engine puts its frames, one at a time, in order. The image is {@link BufferedImage#TYPE_3BYTE_BGR}
 * of exactly the spec's size; the sink copies what it needs before returning, so engines may reuse one image.
 */
@FunctionalInterface
public interface FrameSink {
    void accept(BufferedImage frame) throws RenderException;
}
