package io.reelforge.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded package archive (.zip, .tar) into an empty folder, refusing anything that could write
 * outside it or fill the disk: absolute names, {@code ..} segments, links and device entries, and more than
 * {@code maxBytes} unpacked in all (counted as bytes are written, not as headers claim), and more than
 * {@value #MAX_ENTRIES} entries.
 */
final class Archives {

    private static final int BLOCK = 512;
    /** A package has five to a dozen files; thousands of entries is an inode bomb, not a model. */
    static final int MAX_ENTRIES = 10_000;

    private final long maxBytes;
    private long written;
    private int entries;

    Archives(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".zip") || name.endsWith(".tar"));
    }

    void unpack(Path archive, Path into) throws RegistryException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            if (archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                unzip(in, into);
            } else {
                untar(in, into);
            }
        }
    }

    private void unzip(InputStream raw, Path into) throws RegistryException, IOException {
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = target(into, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    write(zip, target, Long.MAX_VALUE);
                }
            }
        }
    }

    /** POSIX ustar; pax and GNU extension headers are skipped, so the checked ustar name is what counts. */
    private void untar(InputStream in, Path into) throws RegistryException, IOException {
        byte[] header = new byte[BLOCK];
        while (in.readNBytes(header, 0, BLOCK) == BLOCK && !allZero(header)) {
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty() && "ustar".equals(field(header, 257, 5))) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            switch (type) {
                case '0', '\0', '7' -> {
                    write(in, target(into, name), size);
                    skip(in, padded - size);
                }
                case '5' -> {
                    Files.createDirectories(target(into, name));
                    skip(in, padded);
                }
                case 'x', 'g', 'L', 'K' -> skip(in, padded);
                default -> throw new RegistryException("archive.unsafe", "archive entry '" + name
                        + "' is a link or special file (tar type '" + type + "'); packages hold plain files only");
            }
        }
    }

    private Path target(Path into, String name) throws RegistryException {
        if (++entries > MAX_ENTRIES) {
            throw new RegistryException("archive.unsafe", "archive has more than " + MAX_ENTRIES
                    + " entries; a model package has a handful of files");
        }
        String clean = name.replace('\\', '/');
        boolean bad = clean.isEmpty() || clean.startsWith("/") || clean.contains(":")
                || ("/" + clean + "/").contains("/../");
        Path target = into.resolve(clean).normalize();
        if (bad || !target.startsWith(into) || target.equals(into) && !clean.matches("\\./?")) {
            throw new RegistryException("archive.unsafe", "archive entry '" + name
                    + "' would be written outside the package folder; the archive is refused");
        }
        return target;
    }

    private void write(InputStream in, Path target, long size) throws RegistryException, IOException {
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[1 << 16];
        long left = size;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    if (size == Long.MAX_VALUE) {
                        return;
                    }
                    throw new IOException("archive is truncated in " + target.getFileName());
                }
                written += n;
                left -= n;
                if (written > maxBytes) {
                    throw new RegistryException("archive.unsafe", "archive unpacks to more than " + maxBytes
                            + " bytes, the registry's limit; the archive is refused");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean allZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
