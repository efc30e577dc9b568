package io.reelforge.application.console;

import java.util.Optional;

/** Which directories console users may sign in through. Implemented by the directory adapters from the settings. */
public interface DirectorySignIn {

    /** Whether an LDAP directory is configured. */
    boolean ldapEnabled();

    /** The "Sign in with ..." button's provider name, when OpenID Connect sign-in is configured. */
    Optional<String> oidcProviderName();
}
