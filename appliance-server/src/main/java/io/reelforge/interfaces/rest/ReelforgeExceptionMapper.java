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
 * as OpenAI does, where the native surface says 422, and names the field as its request does.
 */
@Provider
public class ReelforgeExceptionMapper implements ExceptionMapper<ReelforgeException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(ReelforgeException e) {
        boolean openAi = resource != null && resource.getResourceClass() == OpenAiVideoResource.class;
        ErrorType type = e.type() == ErrorType.VALIDATION && openAi ? ErrorType.INVALID_REQUEST : e.type();
        String param = openAi ? OpenAiVideoRequest.fieldFor(e.param()) : e.param();
        Response.ResponseBuilder r = ErrorBody.response(type, e.code(), e.getMessage(), param);
        e.retryAfterSeconds().ifPresent(s -> r.header("Retry-After", s));
        if (e.type() == ErrorType.AUTHENTICATION) {
            r.header("WWW-Authenticate", e instanceof ChallengedException c ? c.challenge() : "Bearer realm=\"reelforge\"");
        }
        return r.build();
    }
}
