package io.reelforge.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.infrastructure.config.KeyFiles;
import io.reelforge.infrastructure.config.Settings;

/**
 * Seals the API keys of console-managed upstreams for the database: AES-256-GCM with the appliance's own key
 * ({@code upstream-keys.key} in the keys folder, mode 0600, made on first use), a fresh 96-bit nonce per key, and
 * the upstream's base URL as associated data, so a sealed key copied onto another row does not open. Stored as
 * {@code v1:<base64(nonce || ciphertext || tag)>}. Losing the key file loses the upstream keys (re-enter them),
 * nothing else.
 */
@ApplicationScoped
public class UpstreamKeyCipher {

    static final String KEY_FILE = "upstream-keys.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Settings settings;

    private Path dir;
    private volatile SecretKeySpec key;

    UpstreamKeyCipher() {
    }

    /** For tests: a cipher whose key lives in {@code keysDir}. */
    public UpstreamKeyCipher(Path keysDir) {
        this.dir = keysDir;
    }

    public String seal(String plain, String baseUrl) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce, baseUrl);
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal an upstream key", e);
        }
    }

    /** The key sealed for this base URL; {@link IllegalStateException} when it does not open (another key file, another row). */
    public String open(String sealed, String baseUrl) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed upstream key");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, NONCE), baseUrl);
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the upstream key of " + baseUrl + " does not open with " + KEY_FILE
                    + " (was the keys folder replaced?): enter it again", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String baseUrl) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(baseUrl.getBytes(StandardCharsets.UTF_8));
        return c;
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    Path file = (dir != null ? dir : settings.keysDir()).resolve(KEY_FILE);
                    try {
                        key = new SecretKeySpec(KeyFiles.readOrCreate(file), "AES");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read or create the upstream key file " + file, e);
                    }
                }
                k = key;
            }
        }
        return k;
    }
}
