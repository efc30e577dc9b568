package io.reelforge.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The tiny TorchScript packages of export/make_tiny_fixtures.py, copied so a test can change them, and the
 * archives the registry imports. Without python3-torch there are none and the tests skip with the reason.
 */
final class TinyPackages {

    static final Path DIR = Path.of(System.getProperty("reelforge.fixtures", "target/fixtures"));

    private TinyPackages() {
    }

    /** A copy of fixture {@code name} in {@code into}, its manifest's version set to {@code version}. */
    static Path copy(String name, Path into, String version) throws IOException {
        Path source = DIR.resolve(name);
        boolean present = Files.isRegularFile(source.resolve("manifest.json"));
        if (!present) {
            System.err.println("[skip] " + missing());
        }
        assumeTrue(present, TinyPackages::missing);
        Path target = into.resolve(name + "-" + version);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        Path manifest = target.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"version\": \"[^\"]*\"",
                "\"version\": \"" + version + "\""));
        return target;
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

    private static String missing() {
        String why;
        try {
            why = Files.readString(DIR.resolve("SKIPPED")).strip();
        } catch (IOException e) {
            why = "export/make_tiny_fixtures.py did not run (scripts/test-deps.sh installs python3-torch)";
        }
        return "tiny model fixtures are missing in " + DIR + ": " + why;
    }
}
