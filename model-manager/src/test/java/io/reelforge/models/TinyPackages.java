package io.reelforge.models;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.reelforge.fixtures.TinyFixtures;

/**
 * The tiny TorchScript packages of export/make_tiny_fixtures.py, copied so a test can change them, and the
 * archives the registry imports. Without python3-torch there are none and the tests fail with the reason.
 */
final class TinyPackages {


    private TinyPackages() {
    }

    /** A copy of fixture {@code name} in {@code into}, its manifest's version set to {@code version}. */
    static Path copy(String name, Path into, String version) throws IOException {
        return TinyFixtures.copy(name, into, version);
    }

    static Path zip(Path archive, List<String> names, List<byte[]> contents) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (int i = 0; i < names.size(); i++) {
                zip.putNextEntry(new ZipEntry(names.get(i)));
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return archive;
    }

    /** A ustar archive of plain files, written by hand so the test controls every entry name. */
    static Path tar(Path archive, List<String> names, List<byte[]> contents) throws IOException {
        try (OutputStream out = Files.newOutputStream(archive)) {
            for (int i = 0; i < names.size(); i++) {
                byte[] header = new byte[512];
                put(header, 0, names.get(i));
                put(header, 100, "0000644");
                put(header, 108, "0000000");
                put(header, 116, "0000000");
                put(header, 124, String.format("%011o", contents.get(i).length));
                put(header, 136, "00000000000");
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 263, "00");
                java.util.Arrays.fill(header, 148, 156, (byte) ' ');
                int sum = 0;
                for (byte b : header) {
                    sum += b & 0xff;
                }
                put(header, 148, String.format("%06o", sum));
                header[154] = 0;
                out.write(header);
                out.write(contents.get(i));
                out.write(new byte[(512 - contents.get(i).length % 512) % 512]);
            }
            out.write(new byte[1024]);
        }
        return archive;
    }

    /** The files of a package folder as archive entries under {@code prefix}. */
    static List<String> names(Path pkg, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(pkg)) {
            return files.sorted().map(f -> prefix + f.getFileName()).toList();
        }
    }

    static List<byte[]> contents(Path pkg) throws IOException {
        try (Stream<Path> files = Files.list(pkg)) {
            return files.sorted().map(f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

}
