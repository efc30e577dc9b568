package io.reelforge.application.console;

import java.io.Serializable;
import java.net.URI;

/**
 * The OpenID provider's side of a console sign-in (the authorization code flow with PKCE), a port the OIDC client in
 * infrastructure implements: {@link #begin} makes the state, nonce and PKCE verifier one sign-in keeps in its HTTP
 * session, and {@link #finish} checks the provider's answer at the callback and says whom it vouches for.
 */
public interface OidcVerifier {

    /** One sign-in in flight, kept in the HTTP session (never in the browser): what the callback must match. */
    record Pending(String state, String nonce, String codeVerifier, URI redirectUri) implements Serializable {
    }

    /** A user the provider's answer vouched for, with the raw ID token (kept for the provider's logout). */
    record Verified(DirectoryPrincipal who, String idToken) {
    }

    /** A sign-in that failed on the provider's side or a check: the reason, for the log (never a token or secret). */
    final class FailedException extends Exception {
        public FailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Starts a sign-in that returns to {@code redirectUri}: a fresh random state, nonce and PKCE verifier. */
    Pending begin(URI redirectUri);

    /**
     * The provider's answer at the redirect URI, checked: the state must be this sign-in's, the code is exchanged
     * with the PKCE verifier, and the ID token must pass every check; then its groups give a role, or
     * {@link DirectoryPrincipal.NoRoleException}.
     */
    Verified finish(URI callback, Pending pending) throws FailedException;
}
