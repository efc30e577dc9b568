package io.reelforge.infrastructure.security;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.domain.shared.ChallengedException;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.RateLimitedException;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Signs the console user in from {@code Authorization: Basic} before any admin API resource runs, on the
 * session-less subject {@link AdminApiShiroFilter} bound; the services then check that user's permissions. A
 * Bearer API key is refused here whatever its account: the admin API is for console users only.
 */
@Provider
@ConsoleCredentialsRequired
@Priority(Priorities.AUTHENTICATION)
public class ConsoleCredentialsFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"reelforge-admin\", charset=\"UTF-8\"";
    private static final String BASIC = "basic ";

    @Inject
    ConsoleSessions sessions;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw unauthorized("missing_credentials",
                    "The admin API needs a console user's credentials: 'Authorization: Basic base64(user:password)'.");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            throw unauthorized("invalid_authorization", "The admin API takes a console user's HTTP Basic credentials,"
                    + " not an API key.");
        }
        char[] decoded = decode(header.substring(BASIC.length()).trim());
        try {
            int colon = indexOf(decoded, ':');
            if (colon <= 0) {
                throw unauthorized("invalid_authorization", "The Basic credentials must be user:password.");
            }
            String username = new String(decoded, 0, colon);
            char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
            try {
                check(sessions.authenticate(username, password), username);
            } finally {
                Arrays.fill(password, '\0');
            }
        } finally {
            Arrays.fill(decoded, '\0');
        }
    }

    private void check(ConsoleSessions.LoginOutcome outcome, String username) {
        switch (outcome) {
            case OK -> { }
            case MUST_CHANGE_PASSWORD -> {
                if (!resource.getResourceMethod().isAnnotationPresent(PasswordChangeAllowed.class)) {
                    throw new ReelforgeException(ErrorType.PERMISSION, "password_change_required",
                            "This console user must choose a new password first: POST /v1/admin/password, or sign in"
                                    + " to the console at /admin.");
                }
            }
            case REFUSED -> throw unauthorized("invalid_credentials", "The console user name or password is wrong, or"
                    + " the user is disabled.");
            case NO_ROLE -> throw new ReelforgeException(ErrorType.PERMISSION, "no_console_role", "The directory knows this"
                    + " user, but none of their groups is mapped to a console role (docs/console-sign-in.md).");
            case UNAVAILABLE -> throw new ReelforgeException(ErrorType.UNAVAILABLE, "directory_unavailable",
                    "The directory (LDAP) could not be asked; local console users can still sign in.");
            case THROTTLED -> throw new RateLimitedException("login_throttled", "Too many failed sign-ins from this"
                    + " address or for this user name: try again after Retry-After seconds.",
                    sessions.retryAfterSeconds(username)) { };
        }
    }

    private static char[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw unauthorized("invalid_authorization", "The Basic credentials are not valid base64.");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        } catch (CharacterCodingException e) {
            throw unauthorized("invalid_authorization", "The Basic credentials are not UTF-8.");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static int indexOf(char[] chars, char c) {
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static ReelforgeException unauthorized(String code, String message) {
        return new ChallengedException(CHALLENGE, code, message);
    }
}
