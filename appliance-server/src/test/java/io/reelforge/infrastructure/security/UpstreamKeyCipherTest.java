package io.reelforge.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamKeyCipherTest {

    private static final String URL = "http://gpu-1:8000/v1";
    private static final String KEY = "sk-upstream-0123456789abcdef";

    @TempDir
    Path keys;

    @Test
    void sealsWithAKeyFileMadeOnFirstUseAndOpensTheSameKey() throws Exception {
        UpstreamKeyCipher cipher = new UpstreamKeyCipher(keys);
        Path file = keys.resolve(UpstreamKeyCipher.KEY_FILE);
        assertFalse(Files.exists(file), "no key file before the first use");
        String sealed = cipher.seal(KEY, URL);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);

        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(KEY) || sealed.contains(Base64.getEncoder().encodeToString(KEY.getBytes())), sealed);
        assertNotEquals(sealed, cipher.seal(KEY, URL), "a fresh nonce each time");
        assertEquals(KEY, cipher.open(sealed, URL));
        // Another instance over the same folder (a restart) reads the same key file.
        assertEquals(KEY, new UpstreamKeyCipher(keys).open(sealed, URL));
    }

    @Test
    void aKeyDoesNotOpenForAnotherUrlWithAnotherKeyFileOrTampered() throws Exception {
        String sealed = new UpstreamKeyCipher(keys).seal(KEY, URL);
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(sealed, "http://gpu-2:8000/v1"));
        Path other = Files.createDirectories(keys.resolve("other"));
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(other).open(sealed, URL));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(tampered, URL));
        assertThrows(IllegalStateException.class, () -> new UpstreamKeyCipher(keys).open(KEY, URL));
    }
}
