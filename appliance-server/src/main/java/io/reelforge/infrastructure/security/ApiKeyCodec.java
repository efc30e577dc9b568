package io.reelforge.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.reelforge.domain.model.account.KeyMode;

/**
 * The key format: {@code rf_live_} or {@code rf_test_}, a 12-character public lookup id (72 random bits) and
 * a 43-character secret (256 random bits), all base64url. Only the lookup id and the SHA-256 of the whole key
 * are stored.
 */
public final class ApiKeyCodec {

    private static final int LOOKUP_CHARS = 12;
    private static final int SECRET_CHARS = 43;
    private static final int PREFIX_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private ApiKeyCodec() {
    }

    public record Issued(String plaintext, KeyMode mode, String lookupId, String hashHex) {
    }

    public record Presented(KeyMode mode, String lookupId, byte[] hash) {
    }

    public static Issued issue(KeyMode mode) {
        String lookup = B64.encodeToString(random(9));
        String secret = B64.encodeToString(random(32));
        String key = mode.prefix() + lookup + secret;
        return new Issued(key, mode, lookup, HexFormat.of().formatHex(sha256(key)));
    }

    /** Rebuilds a key from its parts; for seeding a key chosen by the operator. */
    public static Optional<Issued> adopt(String key) {
        return parse(key).map(p -> new Issued(key, p.mode(), p.lookupId(), HexFormat.of().formatHex(p.hash())));
    }

    public static Optional<Presented> parse(String key) {
        if (key == null || key.length() != PREFIX_CHARS + LOOKUP_CHARS + SECRET_CHARS) {
            return Optional.empty();
        }
        KeyMode mode = null;
        for (KeyMode m : KeyMode.values()) {
            if (key.startsWith(m.prefix())) {
                mode = m;
            }
        }
        if (mode == null || !key.substring(PREFIX_CHARS).matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        String lookup = key.substring(PREFIX_CHARS, PREFIX_CHARS + LOOKUP_CHARS);
        return Optional.of(new Presented(mode, lookup, sha256(key)));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
