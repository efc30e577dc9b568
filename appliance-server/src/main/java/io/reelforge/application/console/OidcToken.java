package io.reelforge.application.console;

import org.apache.shiro.authc.AuthenticationToken;

/**
 * A user an OpenID provider vouched for: made only by {@link ConsoleSessions#oidcLogin} from what
 * {@link OidcVerifier#finish} returned once the ID token's signature, issuer, audience, expiry and nonce were checked,
 * never from anything a browser sends (the constructor is this package's). The OIDC realm takes it.
 */
public final class OidcToken implements AuthenticationToken {

    private final DirectoryPrincipal who;

    OidcToken(DirectoryPrincipal who) {
        this.who = who;
    }

    public DirectoryPrincipal who() {
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
