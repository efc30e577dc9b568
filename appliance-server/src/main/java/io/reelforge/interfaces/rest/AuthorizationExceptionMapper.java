package io.reelforge.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.apache.shiro.authz.AuthorizationException;

import io.reelforge.domain.shared.ErrorType;

/** A console user's role lacking the permission a service checks (viewer importing a model): 403. */
@Provider
public class AuthorizationExceptionMapper implements ExceptionMapper<AuthorizationException> {

    @Override
    public Response toResponse(AuthorizationException e) {
        return ErrorBody.response(ErrorType.PERMISSION, "permission_denied",
                "Your console role does not allow this: " + e.getMessage() + ".", null).build();
    }
}
