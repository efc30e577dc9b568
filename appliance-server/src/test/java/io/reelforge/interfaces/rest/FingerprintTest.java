package io.reelforge.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** JSON key order is covered by IdempotencyIT: the JSON-P provider is the server's. */
class FingerprintTest {

    static String fp(String path, String type, String body) {
        return Fingerprint.of("POST", path, type, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pathAndBodyCount() {
        assertEquals(fp("v1/video/generate", "text/plain", "a"), fp("v1/video/generate", "text/plain", "a"));
        assertNotEquals(fp("v1/video/generate", "text/plain", "a"), fp("v1/video/generate", "text/plain", "b"));
        assertNotEquals(fp("v1/video/generate", "text/plain", "a"), fp("v1/webhooks", "text/plain", "a"));
    }

    @Test
    void multipartIgnoresTheBoundary() {
        String part = "--%s\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nsea\r\n--%s--\r\n";
        String a = "multipart/form-data; boundary=aaaa1";
        String b = "multipart/form-data; boundary=\"bbbb2\"";
        assertEquals(fp("p", a, part.formatted("aaaa1", "aaaa1")), fp("p", b, part.formatted("bbbb2", "bbbb2")));
        assertNotEquals(fp("p", a, part.formatted("aaaa1", "aaaa1")),
                fp("p", b, part.formatted("bbbb2", "bbbb2").replace("sea", "sky")));
    }
}
