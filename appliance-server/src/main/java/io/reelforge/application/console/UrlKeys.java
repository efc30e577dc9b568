package io.reelforge.application.console;

import java.time.Instant;

import io.reelforge.application.UrlSignature;

/** The key that file URLs are signed with, as admins see and replace it. Implemented by the storage layer. */
public interface UrlKeys extends UrlSignature {

    /** When the key was made, and until when the one before it still verifies (null: it does not). */
    record KeyState(Instant createdAt, Instant previousValidUntil) {
    }

    KeyState state(Instant now);

    /**
     * Replaces the key, in the caller's transaction. URLs signed with the old one verify until
     * {@code previousValidUntil}; null cuts them off at once (a leaked key).
     */
    void rotate(Instant previousValidUntil);
}
