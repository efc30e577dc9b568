package io.reelforge.domain.model.console;

/**
 * Who vouches for a console user at sign-in: the appliance's own password (a local user, the break-glass way in
 * that works when the directory is down), an LDAP / Active Directory bind, or an OpenID Connect provider.
 */
public enum ConsoleUserSource {
    LOCAL, LDAP, OIDC
}
