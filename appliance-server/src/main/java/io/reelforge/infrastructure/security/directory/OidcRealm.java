package io.reelforge.infrastructure.security.directory;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.credential.AllowAllCredentialsMatcher;
import org.apache.shiro.realm.AuthenticatingRealm;
import org.apache.shiro.subject.SimplePrincipalCollection;

import io.reelforge.application.console.DirectoryPrincipal;
import io.reelforge.application.console.OidcToken;

/** Signs in the user of an {@link OidcToken}: the provider's ID token was checked before the token was made. */
public class OidcRealm extends AuthenticatingRealm {

    public OidcRealm() {
        setName("oidc");
        setCredentialsMatcher(new AllowAllCredentialsMatcher());
        setAuthenticationCachingEnabled(false);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof OidcToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) {
        DirectoryPrincipal who = ((OidcToken) token).who();
        SimplePrincipalCollection principals = new SimplePrincipalCollection();
        principals.add(who.username(), getName());
        principals.add(who, getName());
        return new SimpleAuthenticationInfo(principals, token.getCredentials());
    }
}
