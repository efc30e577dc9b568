package io.reelforge.encoding;

import io.reelforge.imaging.BgrImages;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * One native buffer of packed BGR24 rows that each frame's bytes are copied into. A heap array handed to
 * JavaCV would be copied into freshly allocated native memory every frame; this buffer is allocated once.
 */
final class BgrStaging {

    /** Where TYPE_3BYTE_BGR keeps red, green and blue within a pixel: B, G, R in memory, as BGR24. */
    private static final int[] BGR_BAND_OFFSETS = {2, 1, 0};

    private final int width;
    private final int height;
    private final ByteBuffer buffer;
    private BufferedImage converted;

    BgrStaging(int width, int height) {
        this.width = width;
        this.height = height;
        this.buffer = ByteBuffer.allocateDirect(width * height * 3);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Bytes per row of the staged frame. */
    int stride() {
        return width * 3;
    }

    ByteBuffer load(BufferedImage frame) throws EncodingException {
        if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new EncodingException("frame is " + frame.getWidth() + "x" + frame.getHeight()
                    + ", the video is " + width + "x" + height);
        }
        Raster raster = asBgr(frame).getRaster();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        DataBufferByte data = (DataBufferByte) raster.getDataBuffer();
        int rowStride = model.getScanlineStride();
        // a sub-image's raster starts inside a larger buffer
        int first = data.getOffset() - raster.getSampleModelTranslateY() * rowStride
                - raster.getSampleModelTranslateX() * model.getPixelStride();
        buffer.clear();
        for (int y = 0; y < height; y++) {
            buffer.put(data.getData(), first + y * rowStride, stride());
        }
        return buffer.flip();
    }

    /** Frames that are not packed BGR (another engine's choice) are drawn into one reused BGR image. */
    private BufferedImage asBgr(BufferedImage frame) {
        if (isPackedBgr(frame)) {
            return frame;
        }
        if (converted == null) {
            converted = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        }
        BgrImages.copyInto(frame, converted);
        return converted;
    }

    private static boolean isPackedBgr(BufferedImage frame) {
        return frame.getRaster().getSampleModel() instanceof ComponentSampleModel model
                && frame.getRaster().getDataBuffer() instanceof DataBufferByte
                && model.getPixelStride() == 3
                && Arrays.equals(model.getBandOffsets(), BGR_BAND_OFFSETS);
    }
}
