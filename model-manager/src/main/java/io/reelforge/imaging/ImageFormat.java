package io.reelforge.imaging;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * The upload formats, told apart by their first bytes: file names and content types are the client's word,
 * the magic bytes are the file's.
 */
enum ImageFormat {
    PNG,
    JPEG,
    WEBP;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP_TAG = {'W', 'E', 'B', 'P'};

    static Optional<ImageFormat> sniff(byte[] data) {
        if (startsWith(data, 0, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(data, 0, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(data, 0, RIFF) && startsWith(data, 8, WEBP_TAG)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /**
     * A fresh reader. The WebP reader is built from its provider directly rather than found through the
     * ImageIO registry, which in an application server may not see plugins in the application's jars.
     */
    ImageReader newReader() throws IOException {
        if (this == WEBP) {
            return new WebPImageReaderSpi().createReaderInstance(null);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name().toLowerCase(Locale.ROOT));
        if (!readers.hasNext()) {
            throw new IOException("no " + this + " reader in this runtime");
        }
        return readers.next();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] magic) {
        return data.length >= offset + magic.length
                && Arrays.equals(data, offset, offset + magic.length, magic, 0, magic.length);
    }
}
