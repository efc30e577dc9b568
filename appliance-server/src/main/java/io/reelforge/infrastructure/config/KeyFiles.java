package io.reelforge.infrastructure.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The appliance's own secret files in the keys folder: 256-bit keys, base64, mode 0600, written atomically. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** The key in {@code file}, made (32 random bytes) when the file does not exist yet. */
    public static byte[] readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            writeSecret(file, Base64.getEncoder().encodeToString(fresh()));
        }
        return Base64.getDecoder().decode(Files.readString(file).trim());
    }

    public static byte[] fresh() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    /** Writes through a 0600 temporary file and an atomic rename: never a half-written or world-readable key. */
    public static void writeSecret(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
