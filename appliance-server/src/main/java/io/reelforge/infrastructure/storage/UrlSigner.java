package io.reelforge.infrastructure.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.infrastructure.config.Settings;

/**
 * Signs and checks file URLs: HMAC-SHA256 over the path and the expiry, with a 256-bit key generated on first
 * start into the keys folder (mode 0600). A URL is a bearer token until it expires, so it is never logged.
 */
@ApplicationScoped
public class UrlSigner {

    public enum Verdict { VALID, BAD_SIGNATURE, EXPIRED }

    private static final String KEY_FILE = "url-signing.key";

    @Inject
    Settings settings;

    private byte[] key;

    @PostConstruct
    void loadKey() {
        Path file = settings.keysDir().resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), "key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            key = Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the URL signing key in " + file.getParent(), e);
        }
    }

    public String sign(String path, long expiresEpochSecond) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((path + "\n" + expiresEpochSecond).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the signature first (constant time), then the expiry, so a forged URL never learns about time. */
    public Verdict verify(String path, long expiresEpochSecond, String signature, Instant now) {
        if (signature == null) {
            return Verdict.BAD_SIGNATURE;
        }
        byte[] expected = sign(path, expiresEpochSecond).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.BAD_SIGNATURE;
        }
        return now.getEpochSecond() < expiresEpochSecond ? Verdict.VALID : Verdict.EXPIRED;
    }
}
