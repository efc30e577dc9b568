package io.reelforge.imaging;

import io.reelforge.imaging.ImageRejectedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an uploaded start image, refusing anything that is not PNG, JPEG or WebP, too many bytes, or too
 * many pixels. Dimensions come from the header before a single pixel is decoded: a tiny file may declare
 * 60000 x 60000 and would otherwise make the decoder allocate gigabytes.
 */
public final class ImageInput {

    private ImageInput() {
    }

    /**
     * @return the image as {@link BufferedImage#TYPE_3BYTE_BGR}; transparent parts come out black
     */
    public static BufferedImage decode(byte[] data, ImageLimits limits) throws ImageRejectedException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(limits, "limits");
        if (data.length > limits.maxBytes()) {
            throw new ImageRejectedException(Reason.TOO_LARGE_BYTES,
                    "image is " + data.length + " bytes; the limit is " + limits.maxBytes());
        }
        ImageFormat format = ImageFormat.sniff(data).orElseThrow(() -> new ImageRejectedException(
                Reason.UNSUPPORTED_FORMAT, "not a PNG, JPEG or WebP image"));
        ImageReader reader = null;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader = format.newReader();
            reader.setInput(in, true, true);
            checkSize(reader.getWidth(0), reader.getHeight(0), limits);
            if (!reader.getImageTypes(0).hasNext()) {
                // the JDK's JPEG reader knows the file but not its colour model (CMYK, YCCK)
                throw new ImageRejectedException(Reason.UNSUPPORTED_FORMAT, format + " colour model not supported");
            }
            return BgrImages.toBgr(reader.read(0));
        } catch (IOException | RuntimeException e) {
            // decoders report damage as IIOException or, for some damage, as runtime exceptions
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageRejectedException(Reason.CORRUPT, "cannot read " + format + " image: " + detail, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    private static void checkSize(int width, int height, ImageLimits limits) throws ImageRejectedException {
        if (width <= 0 || height <= 0) {
            throw new ImageRejectedException(Reason.CORRUPT, "image declares no pixels: " + width + "x" + height);
        }
        if (width > limits.maxWidth() || height > limits.maxHeight()
                || (long) width * height > limits.maxPixels()) {
            throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, "image is " + width + "x" + height
                    + "; the limit is " + limits.maxWidth() + "x" + limits.maxHeight()
                    + " and " + limits.maxPixels() + " pixels");
        }
    }
}
