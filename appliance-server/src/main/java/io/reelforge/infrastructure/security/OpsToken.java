package io.reelforge.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.infrastructure.config.Settings;

/**
 * The maintenance token: a new random secret on every start, written to {@code <data-dir>/run/ops.token}
 * (mode 0600, the service user's). Whoever can read that file is the host's administrator already (root or the
 * service user), so the {@code reelforge} CLI proves that by sending it; nobody else ever sees it.
 */
@ApplicationScoped
public class OpsToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Settings settings;

    private volatile byte[] current;

    /** Called once at start, before the appliance says it is ready. */
    public void issue() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Path file = settings.dataDir().resolve("run").resolve("ops.token");
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "ops", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the maintenance token " + file, e);
        }
        current = token.getBytes(StandardCharsets.US_ASCII);
    }

    boolean matches(String presented) {
        byte[] expected = current;
        return expected != null && presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.US_ASCII));
    }
}
