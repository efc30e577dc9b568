package io.reelforge.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BgrStagingTest {

    @Test
    void copiesPackedBgrRowsAsTheyAre() throws Exception {
        BufferedImage frame = new BufferedImage(4, 2, BufferedImage.TYPE_3BYTE_BGR);
        frame.setRGB(0, 0, 0x102030);
        frame.setRGB(3, 1, 0xA0B0C0);
        ByteBuffer staged = new BgrStaging(4, 2).load(frame);
        byte[] expected = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
        assertArrayEquals(expected, bytes(staged));
        assertEquals(0x30, staged.get(0) & 0xFF, "blue comes first");
        assertEquals(0x10, staged.get(2) & 0xFF);
    }

    @Test
    void readsASubImageFromItsOwnCorner() throws Exception {
        BufferedImage big = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
        big.setRGB(3, 2, Color.RED.getRGB());
        big.setRGB(6, 4, Color.BLUE.getRGB());
        BufferedImage sub = big.getSubimage(3, 2, 4, 3);
        byte[] staged = bytes(new BgrStaging(4, 3).load(sub));
        assertEquals(new Color(255, 0, 0), pixel(staged, 4, 0, 0));
        assertEquals(new Color(0, 0, 255), pixel(staged, 4, 3, 2));
        assertEquals(new Color(0, 0, 0), pixel(staged, 4, 1, 1));
    }

    @Test
    void convertsOtherImageTypes() throws Exception {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(1, 1, 0x336699);
        byte[] staged = bytes(new BgrStaging(2, 2).load(rgb));
        assertEquals(new Color(0x33, 0x66, 0x99), pixel(staged, 2, 1, 1));
    }

    @Test
    void refusesAnotherSize() {
        assertThrows(EncodingException.class,
                () -> new BgrStaging(4, 4).load(new BufferedImage(4, 2, BufferedImage.TYPE_3BYTE_BGR)));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    private static Color pixel(byte[] bgr, int width, int x, int y) {
        int i = (y * width + x) * 3;
        return new Color(bgr[i + 2] & 0xFF, bgr[i + 1] & 0xFF, bgr[i] & 0xFF);
    }
}
