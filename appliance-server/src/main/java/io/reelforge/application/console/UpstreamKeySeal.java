package io.reelforge.application.console;

/**
 * Upstream API keys kept sealed in the database: sealed for one upstream's base URL, opened only for it, with a key
 * the database does not hold. Implemented by the security layer.
 */
public interface UpstreamKeySeal {

    String seal(String plain, String baseUrl);

    /** The key sealed for this base URL; {@link IllegalStateException} when it does not open. */
    String open(String sealed, String baseUrl);
}
