package io.reelforge.infrastructure.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.render.ClipEncoder;
import io.reelforge.encoding.EncoderOptions;
import io.reelforge.encoding.Mp4Encoder;
import io.reelforge.engine.RenderException;

/** Clips as H.264 MP4 with the default encoder options, the poster a JPEG of the middle frame. */
@ApplicationScoped
public class Mp4ClipEncoder implements ClipEncoder {

    @Override
    public OpenClip open(Path target, int width, int height, int fps, int frameCount) throws IOException {
        Mp4Encoder encoder = Mp4Encoder.open(target, width, height, fps, EncoderOptions.defaults());
        PosterFrame poster = new PosterFrame(encoder, frameCount);
        return new OpenClip() {
            @Override
            public void accept(BufferedImage frame) throws RenderException {
                poster.accept(frame);
            }

            @Override
            public void finish() throws IOException {
                encoder.finish();
            }

            @Override
            public void close() {
                encoder.close();
            }

            @Override
            public void writePoster(Path target) throws IOException {
                poster.writeJpeg(target);
            }
        };
    }
}
