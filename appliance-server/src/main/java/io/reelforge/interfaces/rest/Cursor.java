package io.reelforge.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.reelforge.domain.shared.ReelforgeException;

/** An opaque keyset cursor: the creation time and id of the last item of a page. */
record Cursor(Instant createdAt, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("\\|", 2);
            return new Cursor(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw ReelforgeException.validation("cursor", "invalid_cursor", "cursor is not one this API returned.");
        }
    }
}
