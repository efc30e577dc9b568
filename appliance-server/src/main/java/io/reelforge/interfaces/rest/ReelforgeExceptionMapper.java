package io.reelforge.interfaces.rest;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ChallengedException;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Expected failures to HTTP: the status comes from the error type; a 429 or 503 also says when to retry, from
 * {@link ReelforgeException#retryAfterSeconds()}. The OpenAI surface answers a field that breaks its rule with 400,
 * as OpenAI does, where the native surface says 422.
 */
@Provider
public class ReelforgeExceptionMapper implements ExceptionMapper<ReelforgeException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(ReelforgeException e) {
        ErrorType type = e.type() == ErrorType.VALIDATION && resource != null
                && resource.getResourceClass() == OpenAiVideoResource.class ? ErrorType.INVALID_REQUEST : e.type();
        Response.ResponseBuilder r = ErrorBody.response(type, e.code(), e.getMessage(), e.param());
        e.retryAfterSeconds().ifPresent(s -> r.header("Retry-After", s));
        if (e.type() == ErrorType.AUTHENTICATION) {
            r.header("WWW-Authenticate", e instanceof ChallengedException c ? c.challenge() : "Bearer realm=\"reelforge\"");
        }
        return r.build();
    }
}
