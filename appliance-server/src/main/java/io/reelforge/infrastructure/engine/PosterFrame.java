package io.reelforge.infrastructure.engine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import io.reelforge.engine.FrameSink;
import io.reelforge.engine.RenderException;

/**
 * Passes every frame on to the encoder and keeps a copy of the middle one, which becomes the clip's JPEG
 * poster frame (the first frame of a fade-in or a slow reveal says little about the clip).
 */
final class PosterFrame implements FrameSink {

    private static final float QUALITY = 0.85f;

    private final FrameSink next;
    private final int pick;
    private int index;
    private BufferedImage poster;

    PosterFrame(FrameSink next, int frameCount) {
        this.next = next;
        this.pick = frameCount / 2;
    }

    @Override
    public void accept(BufferedImage frame) throws RenderException {
        if (index++ == pick) {
            // Engines reuse their frame image: copy it before handing it on.
            poster = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            poster.getRaster().setRect(frame.getRaster());
        }
        next.accept(frame);
    }

    /** Writes the kept frame as a JPEG; a render that delivered too few frames has none to write. */
    void writeJpeg(Path target) throws IOException {
        if (poster == null) {
            throw new IOException("no poster frame: the render delivered " + index + " frames");
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(poster, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
