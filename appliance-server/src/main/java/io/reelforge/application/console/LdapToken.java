package io.reelforge.application.console;

import java.util.Arrays;

import org.apache.shiro.authc.HostAuthenticationToken;

/**
 * A user name and password to check against the directory (never against a local user's hash); the LDAP realm
 * takes it, the sign-in clears the password when done.
 */
public final class LdapToken implements HostAuthenticationToken {

    private final String username;
    private final char[] password;
    private final String host;

    public LdapToken(String username, char[] password, String host) {
        this.username = username;
        this.password = password.clone();
        this.host = host;
    }

    public String username() {
        return username;
    }

    public char[] password() {
        return password;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    @Override
    public Object getCredentials() {
        return password;
    }

    @Override
    public String getHost() {
        return host;
    }

    public void clear() {
        Arrays.fill(password, '\0');
    }
}
