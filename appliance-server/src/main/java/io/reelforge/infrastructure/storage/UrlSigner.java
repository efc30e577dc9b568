package io.reelforge.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.infrastructure.config.KeyFiles;
import io.reelforge.infrastructure.config.Settings;

/**
 * Signs and checks file URLs: HMAC-SHA256 over the path and the expiry, with a 256-bit key generated on first
 * start into the keys folder (mode 0600). A URL is a bearer token until it expires, so it is never logged.
 * After a rotation, URLs signed with the previous key stay valid until a grace deadline (or not at all, when
 * the rotation cut them off); new URLs are signed with the new key only.
 */
@ApplicationScoped
public class UrlSigner {

    public enum Verdict { VALID, BAD_SIGNATURE, EXPIRED }

    /** When the key was made, and until when the one before it still verifies (null: it does not). */
    public record KeyState(Instant createdAt, Instant previousValidUntil) {
    }

    private static final String KEY_FILE = "url-signing.key";
    /** The previous key and, on its second line, the epoch second until which it verifies. */
    private static final String PREVIOUS_FILE = "url-signing.previous.key";

    @Inject
    Settings settings;

    private volatile byte[] key;
    private volatile byte[] previous;
    private volatile Instant previousUntil;

    @PostConstruct
    void loadKey() {
        Path file = settings.keysDir().resolve(KEY_FILE);
        try {
            key = KeyFiles.readOrCreate(file);
            Path prev = settings.keysDir().resolve(PREVIOUS_FILE);
            if (Files.exists(prev)) {
                List<String> lines = Files.readAllLines(prev);
                previous = Base64.getDecoder().decode(lines.get(0).trim());
                previousUntil = Instant.ofEpochSecond(Long.parseLong(lines.get(1).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the URL signing key in " + file.getParent(), e);
        }
    }

    /**
     * Replaces the key. URLs signed with the old one verify until {@code previousValidUntil}; null cuts them
     * off at once (a leaked key). The files are replaced atomically, so a restart keeps the outcome.
     */
    public synchronized void rotate(Instant previousValidUntil) {
        Path dir = settings.keysDir();
        byte[] next = KeyFiles.fresh();
        try {
            if (previousValidUntil != null) {
                KeyFiles.writeSecret(dir.resolve(PREVIOUS_FILE), Base64.getEncoder().encodeToString(key) + "\n"
                        + previousValidUntil.getEpochSecond() + "\n");
            } else {
                Files.deleteIfExists(dir.resolve(PREVIOUS_FILE));
            }
            KeyFiles.writeSecret(dir.resolve(KEY_FILE), Base64.getEncoder().encodeToString(next));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the URL signing key in " + dir, e);
        }
        previous = previousValidUntil == null ? null : key;
        previousUntil = previousValidUntil;
        key = next;
    }

    public KeyState state(Instant now) {
        Instant created;
        try {
            created = Files.getLastModifiedTime(settings.keysDir().resolve(KEY_FILE)).toInstant();
        } catch (IOException e) {
            created = null;
        }
        Instant until = previousUntil;
        return new KeyState(created, previous != null && until != null && now.isBefore(until) ? until : null);
    }

    public String sign(String path, long expiresEpochSecond) {
        return sign(key, path, expiresEpochSecond);
    }

    /** Checks the signature first (constant time), then the expiry, so a forged URL never learns about time. */
    public Verdict verify(String path, long expiresEpochSecond, String signature, Instant now) {
        if (signature == null) {
            return Verdict.BAD_SIGNATURE;
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        boolean valid = matches(key, path, expiresEpochSecond, presented);
        byte[] old = previous;
        Instant until = previousUntil;
        if (!valid && old != null && until != null && now.isBefore(until)) {
            valid = matches(old, path, expiresEpochSecond, presented);
        }
        if (!valid) {
            return Verdict.BAD_SIGNATURE;
        }
        return now.getEpochSecond() < expiresEpochSecond ? Verdict.VALID : Verdict.EXPIRED;
    }

    private static boolean matches(byte[] k, String path, long expires, byte[] presented) {
        return MessageDigest.isEqual(sign(k, path, expires).getBytes(StandardCharsets.US_ASCII), presented);
    }

    private static String sign(byte[] k, String path, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
