package io.reelforge.infrastructure.security;

import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authc.UsernamePasswordToken;
import org.apache.shiro.authc.credential.PasswordMatcher;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;

import io.reelforge.domain.model.console.ConsoleUser;
import io.reelforge.domain.model.console.ConsoleUserRepository;

/**
 * Console users from the database: bcrypt passwords, and the role's {@code domain:action} permissions. It is
 * a security-specific DAO and decides nothing else (throttling is the login service's).
 */
public class ConsoleRealm extends AuthorizingRealm {

    private final ConsoleUserRepository users;

    public ConsoleRealm(ConsoleUserRepository users) {
        this.users = users;
        PasswordMatcher matcher = new PasswordMatcher();
        matcher.setPasswordService(PasswordHasher.service());
        setCredentialsMatcher(matcher);
        // Roles are read per request: a demoted user loses a permission at once, not at the next login.
        setAuthorizationCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof UsernamePasswordToken;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        String username = ((UsernamePasswordToken) token).getUsername();
        ConsoleUser user = users.byUsername(username).orElseThrow(UnknownAccountException::new);
        if (!user.isLocal()) {
            // A directory user has no local password: only their directory may vouch for them.
            throw new UnknownAccountException();
        }
        if (user.isDisabled()) {
            throw new DisabledAccountException();
        }
        return new SimpleAuthenticationInfo(user.username(), user.passwordHash(), getName());
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        String username = (String) getAvailablePrincipal(principals);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        users.byUsername(username).ifPresent(u -> {
            info.addRole(u.role().name().toLowerCase(java.util.Locale.ROOT));
            info.setStringPermissions(u.permissions());
        });
        return info;
    }
}
