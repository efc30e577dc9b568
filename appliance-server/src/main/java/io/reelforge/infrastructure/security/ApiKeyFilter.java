package io.reelforge.infrastructure.security;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.application.Caller;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** Resolves {@code Authorization: Bearer <key>} to a {@link Caller} before any /v1 resource runs. */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    ApiKeyAuthenticator authenticator;

    @Inject
    CallerContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "missing_api_key",
                    "No API key. Send it as 'Authorization: Bearer <key>'.");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "invalid_authorization",
                    "The Authorization header must be 'Bearer <key>'.");
        }
        context.set(authenticator.authenticate(header.substring(BEARER.length()).trim()));
    }
}
