package io.reelforge.infrastructure.security.directory;

import org.apache.shiro.authc.AuthenticationToken;

import io.reelforge.application.console.DirectoryPrincipal;

/**
 * A user an OpenID provider vouched for: made only by {@link OidcClient} from an ID token whose signature, issuer,
 * audience, expiry and nonce it checked, never from anything a browser sends.
 */
public final class OidcToken implements AuthenticationToken {

    private final DirectoryPrincipal who;

    OidcToken(DirectoryPrincipal who) {
        this.who = who;
    }

    DirectoryPrincipal who() {
        return who;
    }

    @Override
    public Object getPrincipal() {
        return who.username();
    }

    @Override
    public Object getCredentials() {
        return who;
    }
}
