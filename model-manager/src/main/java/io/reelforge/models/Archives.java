package io.reelforge.models;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Unpacks an uploaded package archive (.zip, .tar) into an empty folder with commons-compress (ustar, PAX and GNU
 * long names, entries over 8 GiB, ZIP64), refusing anything that could write outside it or fill the disk: absolute
 * names, {@code ..} segments, links and device entries, more than {@code maxBytes} unpacked in all (counted as
 * bytes are written, not as headers claim, so a compressed ZIP entry cannot inflate past it), and more than
 * {@value #MAX_ENTRIES} entries.
 */
final class Archives {

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
        boolean zip = archive.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             ArchiveInputStream<?> in = zip ? new ZipArchiveInputStream(raw) : new TarArchiveInputStream(raw)) {
            for (ArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                if (!in.canReadEntryData(e)) {
                    throw new RegistryException("archive.unsafe", "archive entry '" + e.getName()
                            + "' uses a compression or encryption this reader does not support; the archive is refused");
                }
                Path target = target(into, e);
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    write(in, target, e.getSize());
                }
            }
        } catch (IllegalArgumentException e) {
            // commons-compress reports a malformed header (bad number, bad PAX record) this way
            throw new RegistryException("archive.unsafe", "archive is malformed: " + e.getMessage(), e);
        }
    }

    private Path target(Path into, ArchiveEntry e) throws RegistryException {
        String name = e.getName();
        if (++entries > MAX_ENTRIES) {
            throw new RegistryException("archive.unsafe", "archive has more than " + MAX_ENTRIES
                    + " entries; a model package has a handful of files");
        }
        if (e instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink() || t.isCharacterDevice()
                || t.isBlockDevice() || t.isFIFO())
                || e instanceof ZipArchiveEntry z && z.isUnixSymlink()) {
            throw new RegistryException("archive.unsafe", "archive entry '" + name
                    + "' is a link or special file; packages hold plain files only");
        }
        String clean = name.replace('\\', '/');
        boolean bad = clean.isEmpty() || clean.startsWith("/") || clean.contains(":") || clean.indexOf('\0') >= 0
                || ("/" + clean + "/").contains("/../");
        Path target;
        try {
            target = bad ? into : into.resolve(clean).normalize();
        } catch (InvalidPathException ex) {
            bad = true;
            target = into;
        }
        if (bad || !target.startsWith(into) || target.equals(into) && !clean.matches("\\./?")) {
            throw new RegistryException("archive.unsafe", "archive entry '" + name
                    + "' would be written outside the package folder; the archive is refused");
        }
        return target;
    }

    /** Copies the entry's bytes, stopping at the cap whatever its header claims (unknown for some ZIP entries). */
    private void write(InputStream in, Path target, long declared) throws RegistryException, IOException {
        if (declared > maxBytes - written) {
            throw tooBig();
        }
        Files.createDirectories(target.getParent());
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                written += n;
                if (written > maxBytes) {
                    throw tooBig();
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private RegistryException tooBig() {
        return new RegistryException("archive.unsafe", "archive unpacks to more than " + maxBytes
                + " bytes, the registry's limit; the archive is refused");
    }
}
