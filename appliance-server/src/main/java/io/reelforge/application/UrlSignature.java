package io.reelforge.application;

import java.time.Duration;

/**
 * Signatures of file URLs that expire, and how long a new one is valid. Implemented by the storage layer, whose key
 * the file route checks them with.
 */
public interface UrlSignature {

    /** The signature of {@code path} valid until {@code expiresEpochSecond}. */
    String sign(String path, long expiresEpochSecond);

    /** How long a freshly signed URL stays valid ({@code reelforge.output.url-ttl}). */
    Duration ttl();
}
