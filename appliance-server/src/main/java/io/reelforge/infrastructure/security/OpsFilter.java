package io.reelforge.infrastructure.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Lets a maintenance call through only from the loopback interface and with the current {@link OpsToken}: the
 * endpoints exist for the CLI on the same host, never for the network.
 */
@Provider
@OpsAccess
@Priority(Priorities.AUTHENTICATION)
public class OpsFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    OpsToken token;

    @Inject
    OpsContext context;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!fromLoopback()) {
            throw new ReelforgeException(ErrorType.PERMISSION, "ops.not_local",
                    "Maintenance endpoints answer only on the appliance's own host (loopback).");
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || !token.matches(header.substring(BEARER.length()).trim())) {
            throw new ReelforgeException(ErrorType.AUTHENTICATION, "invalid_ops_token",
                    "Send the token of <data-dir>/run/ops.token as 'Authorization: Bearer <token>'.");
        }
        context.grant();
    }

    private boolean fromLoopback() {
        try {
            return InetAddress.getByName(servletRequest.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
