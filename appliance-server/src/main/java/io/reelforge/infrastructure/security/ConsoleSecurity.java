package io.reelforge.infrastructure.security;

import java.util.ArrayList;
import java.util.List;

import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.pam.ModularRealmAuthenticator;
import org.apache.shiro.authc.pam.UnsupportedTokenException;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.realm.Realm;

import io.reelforge.domain.model.console.ConsoleUserRepository;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.security.directory.DirectorySettings;
import io.reelforge.infrastructure.security.directory.LdapRealm;
import io.reelforge.infrastructure.security.directory.OidcRealm;

/**
 * The console's realms, shared by the console's and the admin API's security managers: local users always, the
 * LDAP realm when {@code reelforge.console.ldap.url} is set, and the realm of users an OpenID provider vouched for
 * (only the OIDC callback makes its tokens). Each kind of token has one realm, and that realm's
 * own refusal (wrong password, no role, directory down) reaches the login service unchanged, where Shiro's
 * multi-realm strategies would fold them all into one.
 */
final class ConsoleSecurity {

    private ConsoleSecurity() {
    }

    static <M extends DefaultSecurityManager> M configure(M manager, ConsoleUserRepository users, Settings settings) {
        List<Realm> realms = new ArrayList<>();
        realms.add(new ConsoleRealm(users));
        DirectorySettings.ldap(settings).ifPresent(ldap -> realms.add(new LdapRealm(ldap)));
        realms.add(new OidcRealm());
        manager.setAuthenticator(new OneRealmPerToken());
        manager.setRealms(realms);
        manager.setRememberMeManager(null);
        return manager;
    }

    private static final class OneRealmPerToken extends ModularRealmAuthenticator {
        @Override
        protected AuthenticationInfo doAuthenticate(AuthenticationToken token) {
            Realm realm = getRealms().stream().filter(r -> r.supports(token)).findFirst()
                    .orElseThrow(() -> new UnsupportedTokenException("no console realm takes " + token.getClass().getSimpleName()));
            return doSingleRealmAuthentication(realm, token);
        }
    }
}
