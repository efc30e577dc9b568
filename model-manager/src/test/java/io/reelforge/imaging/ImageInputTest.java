package io.reelforge.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.reelforge.imaging.ImageRejectedException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageInputTest {

    private static final Color LEFT = new Color(220, 40, 30);
    private static final Color RIGHT = new Color(30, 90, 220);

    @Test
    void decodesPngToBgr() throws Exception {
        BufferedImage image = ImageInput.decode(encode(twoTone(64, 48, BufferedImage.TYPE_INT_RGB), "png"), ImageLimits.defaults());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        assertColor(LEFT, image.getRGB(8, 24), 0);
        assertColor(RIGHT, image.getRGB(56, 24), 0);
    }

    @Test
    void flattensTransparentPngOntoBlack() throws Exception {
        BufferedImage argb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF00FF00);
        BufferedImage image = ImageInput.decode(encode(argb, "png"), ImageLimits.defaults());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertColor(Color.GREEN, image.getRGB(0, 0), 0);
        assertColor(Color.BLACK, image.getRGB(4, 4), 0);
    }

    @Test
    void decodesJpeg() throws Exception {
        BufferedImage image = ImageInput.decode(encode(twoTone(64, 48, BufferedImage.TYPE_3BYTE_BGR), "jpeg"), ImageLimits.defaults());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertColor(LEFT, image.getRGB(8, 24), 12);
        assertColor(RIGHT, image.getRGB(56, 24), 12);
    }

    @Test
    void decodesLossyWebp() throws Exception {
        // made with FFmpeg's libwebp encoder from the same two-tone picture (VP8 bitstream)
        BufferedImage image = ImageInput.decode(resource("sample-lossy.webp"), ImageLimits.defaults());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        assertColor(LEFT, image.getRGB(8, 24), 16);
        assertColor(RIGHT, image.getRGB(56, 24), 16);
    }

    @Test
    void decodesLosslessWebp() throws Exception {
        // VP8L bitstream: exact colours
        BufferedImage image = ImageInput.decode(resource("sample-lossless.webp"), ImageLimits.defaults());
        assertColor(LEFT, image.getRGB(8, 24), 0);
        assertColor(RIGHT, image.getRGB(56, 24), 0);
    }

    @Test
    void refusesPngBombFromItsHeaderAlone() {
        byte[] bomb = Bombs.png(60_000, 60_000);
        ImageRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ImageRejectedException.class, () -> ImageInput.decode(bomb, ImageLimits.defaults())));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
        assertTrue(bomb.length < 100, "the bomb itself is tiny");
    }

    @Test
    void refusesWebpBombFromItsHeaderAlone() {
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> ImageInput.decode(Bombs.webp(60_000, 60_000), ImageLimits.defaults()));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void refusesJpegDeclaringHugeSize() throws Exception {
        byte[] jpeg = encode(twoTone(64, 48, BufferedImage.TYPE_3BYTE_BGR), "jpeg");
        Bombs.patchJpegSize(jpeg, 60_000, 60_000);
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> ImageInput.decode(jpeg, ImageLimits.defaults()));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void refusesOneSideTooLongEvenWithFewPixels() throws Exception {
        byte[] strip = encode(new BufferedImage(9000, 2, BufferedImage.TYPE_INT_RGB), "png");
        ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> ImageInput.decode(strip, ImageLimits.defaults()));
        assertEquals(Reason.TOO_MANY_PIXELS, e.reason());
    }

    @Test
    void appliesCustomPixelLimit() throws Exception {
        byte[] png = encode(twoTone(64, 48, BufferedImage.TYPE_INT_RGB), "png");
        ImageLimits small = new ImageLimits(1_000_000, 8192, 8192, 64 * 48 - 1);
        assertEquals(Reason.TOO_MANY_PIXELS,
                assertThrows(ImageRejectedException.class, () -> ImageInput.decode(png, small)).reason());
        assertEquals(64, ImageInput.decode(png, new ImageLimits(1_000_000, 64, 48, 64 * 48)).getWidth());
    }

    @Test
    void refusesTooManyBytesBeforeLookingInside() throws Exception {
        byte[] png = encode(twoTone(64, 48, BufferedImage.TYPE_INT_RGB), "png");
        ImageLimits tight = new ImageLimits(png.length - 1, 8192, 8192, 40_000_000);
        assertEquals(Reason.TOO_LARGE_BYTES,
                assertThrows(ImageRejectedException.class, () -> ImageInput.decode(png, tight)).reason());
        byte[] garbage = new byte[(int) tight.maxBytes() + 1];
        assertEquals(Reason.TOO_LARGE_BYTES,
                assertThrows(ImageRejectedException.class, () -> ImageInput.decode(garbage, tight)).reason());
    }

    @Test
    void refusesGarbageAndOtherFormats() throws Exception {
        byte[] gif = encode(twoTone(8, 8, BufferedImage.TYPE_INT_RGB), "gif");
        byte[] bmp = encode(twoTone(8, 8, BufferedImage.TYPE_INT_RGB), "bmp");
        byte[] riffButNotWebp = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        for (byte[] data : new byte[][] {new byte[0], "hello, world".getBytes(), gif, bmp, riffButNotWebp}) {
            ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> ImageInput.decode(data, ImageLimits.defaults()));
            assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
        }
    }

    @Test
    void reportsDamagedFilesAsCorrupt() throws Exception {
        byte[] png = encode(twoTone(64, 48, BufferedImage.TYPE_INT_RGB), "png");
        byte[] truncated = Arrays.copyOf(png, 40);
        byte[] magicOnly = Arrays.copyOf(png, 8);
        byte[] webp = resource("sample-lossy.webp");
        byte[] webpTruncated = Arrays.copyOf(webp, 60);
        for (byte[] data : new byte[][] {truncated, magicOnly, webpTruncated, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2}}) {
            ImageRejectedException e = assertThrows(ImageRejectedException.class, () -> ImageInput.decode(data, ImageLimits.defaults()));
            assertEquals(Reason.CORRUPT, e.reason());
        }
    }

    @Test
    void keepsAnImageAlreadyInBgr() throws Exception {
        BufferedImage image = ImageInput.decode(encode(twoTone(16, 16, BufferedImage.TYPE_3BYTE_BGR), "png"), ImageLimits.defaults());
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, image.getType());
    }

    private static BufferedImage twoTone(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(LEFT);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(RIGHT);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageInputTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static void assertColor(Color expected, int argb, int tolerance) {
        Color actual = new Color(argb);
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tolerance
                        && Math.abs(expected.getGreen() - actual.getGreen()) <= tolerance
                        && Math.abs(expected.getBlue() - actual.getBlue()) <= tolerance,
                () -> "expected about " + expected + " but got " + actual);
    }
}
