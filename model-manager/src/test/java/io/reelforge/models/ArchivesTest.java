package io.reelforge.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package archive reader against archives made by GNU tar itself, and against crafted hostile ones. */
class ArchivesTest {

    /** Over ustar's 100-byte name field, and not ASCII: only a PAX or GNU long-name header can carry it. */
    private static final String LONG = "weights/" + "ø".repeat(30) + "/" + "d".repeat(120) + "/denoiser.safetensors";

    @TempDir
    Path tmp;

    @Test
    void paxLongNamesFromGnuTarAreUnpackedUnderTheirFullName() throws Exception {
        unpacksLongName("pax");
    }

    @Test
    void gnuLongNamesFromGnuTarAreUnpackedUnderTheirFullName() throws Exception {
        unpacksLongName("gnu");
    }

    private void unpacksLongName(String format) throws Exception {
        Path src = tmp.resolve("src");
        byte[] weights = "0123456789".repeat(100).getBytes(StandardCharsets.US_ASCII);
        Files.createDirectories(src.resolve(LONG).getParent());
        Files.write(src.resolve(LONG), weights);
        Files.writeString(src.resolve("manifest.json"), "{}");
        Path tar = tar(src, format, List.of(), "manifest.json", "weights");
        Path into = Files.createDirectories(tmp.resolve("into"));
        new Archives(1 << 20).unpack(tar, into);
        assertArrayEquals(weights, Files.readAllBytes(into.resolve(LONG)));
        assertEquals("{}", Files.readString(into.resolve("manifest.json")));
    }

    @Test
    void aLongNameEscapingTheFolderIsRefusedWhateverTheFormat() throws Exception {
        for (String format : List.of("pax", "gnu")) {
            Path src = Files.createDirectories(tmp.resolve(format + "-src"));
            Files.createDirectories(src.resolve(LONG).getParent());
            Files.writeString(src.resolve(LONG), "x");
            // GNU tar keeps the ../ only with --absolute-names; the long name goes into the PAX or GNU header
            Path tar = tar(src, format, List.of("--absolute-names", "--transform=s,^weights,../../weights,"), LONG);
            Path into = Files.createDirectories(tmp.resolve(format + "-into"));
            RegistryException e = assertThrows(RegistryException.class, () -> new Archives(1 << 20).unpack(tar, into));
            assertEquals("archive.unsafe", e.code(), format);
            assertFalse(Files.exists(tmp.resolve("weights")), format);
        }
    }

    @Test
    void symbolicLinksFromGnuTarAreRefused() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.createSymbolicLink(src.resolve("manifest.json"), Path.of("/etc/passwd"));
        Path tar = tar(src, "pax", List.of(), "manifest.json");
        RegistryException e = assertThrows(RegistryException.class,
                () -> new Archives(1 << 20).unpack(tar, Files.createDirectories(tmp.resolve("into"))));
        assertEquals("archive.unsafe", e.code());
    }

    @Test
    void anEntryOverEightGibibytesIsReadAtItsTrueSize() throws Exception {
        long nine = 9L << 30;
        Path tar = tmp.resolve("huge.tar");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry e = new TarArchiveEntry("denoiser.safetensors");
            e.setSize(nine);
            out.putArchiveEntry(e);
            out.write(new byte[1 << 20]);
            // the other 9 GiB never come: the archive is truncated, the header alone is under test
        } catch (IOException expected) {
            // the writer complains that the entry is short; what it wrote stays
        }
        // under a 20 GiB cap the 9 GiB entry is accepted and copied until the archive runs out
        Path into = Files.createDirectories(tmp.resolve("into"));
        assertThrows(IOException.class, () -> new Archives(20L << 30).unpack(tar, into));
        assertEquals(1 << 20, Files.size(into.resolve("denoiser.safetensors")));
        // under an 8 GiB cap its declared size alone refuses it, before a byte is written
        Path other = Files.createDirectories(tmp.resolve("other"));
        RegistryException e = assertThrows(RegistryException.class, () -> new Archives(8L << 30).unpack(tar, other));
        assertEquals("archive.unsafe", e.code());
        assertFalse(Files.exists(other.resolve("denoiser.safetensors")));
    }

    @Test
    void aZipBombStopsAtTheCapWhateverItsHeadersSay() throws Exception {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("manifest.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "64 MiB of zeros deflate to well under 1 MiB");
        Path into = Files.createDirectories(tmp.resolve("into"));
        RegistryException e = assertThrows(RegistryException.class, () -> new Archives(4L << 20).unpack(zip, into));
        assertEquals("archive.unsafe", e.code());
        assertTrue(Files.size(into.resolve("manifest.json")) <= 4L << 20);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Path zip = tmp.resolve("inodes.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i <= Archives.MAX_ENTRIES; i++) {
                out.putNextEntry(new ZipEntry("f" + i));
                out.closeEntry();
            }
        }
        RegistryException e = assertThrows(RegistryException.class,
                () -> new Archives(1 << 20).unpack(zip, Files.createDirectories(tmp.resolve("into"))));
        assertEquals("archive.unsafe", e.code());
    }

    /** Runs GNU tar in {@code dir} with {@code --format=format}, as an operator packing a model would. */
    private Path tar(Path dir, String format, List<String> options, String... members) throws Exception {
        Path archive = tmp.resolve(dir.getFileName() + "-" + format + ".tar");
        List<String> cmd = new ArrayList<>(List.of("tar", "--format=" + format, "-cf", archive.toString()));
        cmd.addAll(options);
        cmd.addAll(List.of(members));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "tar ran too long");
        assertEquals(0, p.exitValue(), out);
        return archive;
    }

}
