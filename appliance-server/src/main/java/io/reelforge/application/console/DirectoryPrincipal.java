package io.reelforge.application.console;

import java.io.Serializable;

import io.reelforge.domain.model.console.ConsoleRole;
import io.reelforge.domain.model.console.ConsoleUserSource;

/**
 * What a directory said about a user at sign-in, kept beside the user name in the Shiro subject's principals: the
 * source and the role its groups give. The login service makes or updates the console user from it; permissions
 * are then read from that user, like a local one's.
 */
public record DirectoryPrincipal(ConsoleUserSource source, String username, ConsoleRole role) implements Serializable {

    /** A user the directory knows, in no group that is mapped to a console role: signed in to nothing. */
    public static final class NoRoleException extends org.apache.shiro.authc.AuthenticationException {
        private final String username;

        public NoRoleException(String username) {
            super("no console role for " + username);
            this.username = username;
        }

        public String username() {
            return username;
        }
    }

    /** The directory could not be asked (down, unreachable, timed out, misconfigured): no verdict on the password. */
    public static final class UnavailableException extends org.apache.shiro.authc.AuthenticationException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
