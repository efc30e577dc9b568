package io.reelforge.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.domain.shared.TooManyInFlightException;

/** Expected failures to HTTP: the status comes from the error type, a 429 also says when to retry. */
@Provider
public class ReelforgeExceptionMapper implements ExceptionMapper<ReelforgeException> {

    @Override
    public Response toResponse(ReelforgeException e) {
        Response.ResponseBuilder r = ErrorBody.response(e.type(), e.code(), e.getMessage(), e.param());
        if (e instanceof TooManyInFlightException t) {
            r.header("Retry-After", t.retryAfterSeconds());
        }
        if (e.type() == io.reelforge.domain.shared.ErrorType.AUTHENTICATION) {
            r.header("WWW-Authenticate", "Bearer realm=\"reelforge\"");
        }
        return r.build();
    }
}
