package io.reelforge.application.render;

import java.io.IOException;
import java.nio.file.Path;

import io.reelforge.engine.FrameSink;

/** Turns an engine's frames into the clip's MP4 and its poster frame. Implemented in infrastructure. */
public interface ClipEncoder {

    /**
     * Opens an MP4 at {@code target} for frames of this size and rate; of {@code frameCount} frames, the middle one
     * is kept for the poster.
     */
    OpenClip open(Path target, int width, int height, int fps, int frameCount) throws IOException;

    /** A clip being written: frames go in, {@link #finish()} ends the MP4, the poster is written after closing. */
    interface OpenClip extends FrameSink, AutoCloseable {

        /** Ends the MP4 once every frame is in. */
        void finish() throws IOException;

        /** Releases the encoder, finished or not. */
        @Override
        void close();

        /** Writes the kept frame as the poster; a render that delivered too few frames has none, which is an error. */
        void writePoster(Path target) throws IOException;
    }
}
