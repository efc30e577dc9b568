package io.reelforge.encoding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The top-level boxes of an MP4 file, in order: enough to see where the index (moov) sits. */
final class Mp4Boxes {

    private Mp4Boxes() {
    }

    static List<String> topLevel(Path file) throws IOException {
        List<String> types = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position + 8 <= channel.size()) {
                header.clear();
                channel.read(header, position);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt());
                byte[] type = new byte[4];
                header.get(type);
                if (size == 1) {
                    size = header.getLong(); // 64-bit size follows the type
                } else if (size == 0) {
                    size = channel.size() - position; // runs to the end of the file
                }
                if (size < 8) {
                    throw new IOException("bad box size " + size + " at " + position);
                }
                types.add(new String(type, StandardCharsets.US_ASCII));
                position += size;
            }
        }
        return types;
    }
}
