package io.reelforge.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/** JAX-RS's own refusals (unknown path, wrong method, wrong content type) in the API's error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(WebApplicationException e) {
        String param = parameterName(e);
        if (param != null) {
            ReelforgeExceptionMapper fieldErrors = new ReelforgeExceptionMapper();
            fieldErrors.resource = resource;
            return fieldErrors.toResponse(ReelforgeException.validation(param, "invalid_" + param.replace('-', '_').toLowerCase(java.util.Locale.ROOT),
                    param + " is not a value of its documented type (a whole number for limit; see the API "
                            + "reference for the others)."));
        }
        int status = e.getResponse().getStatus();
        ErrorType type = switch (status) {
            case 404 -> ErrorType.NOT_FOUND;
            case 405 -> ErrorType.INVALID_REQUEST;
            case 406 -> ErrorType.INVALID_REQUEST;
            case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorType.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorType.AUTHENTICATION;
            case 403 -> ErrorType.PERMISSION;
            default -> status >= 500 ? ErrorType.INTERNAL : ErrorType.INVALID_REQUEST;
        };
        String code = switch (status) {
            case 404 -> "route_not_found";
            case 400 -> "malformed_body";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
        String message = switch (status) {
            case 404 -> "No such endpoint.";
            case 405 -> "This endpoint does not accept that HTTP method.";
            case 415 -> "This endpoint does not take that Content-Type: send application/json, or multipart/form-data "
                    + "where it takes a file (a start image, a model package).";
            case 400 -> "The request body could not be read: it is malformed or was cut short.";
            default -> status >= 500 ? "Internal error." : "The request could not be read.";
        };
        Response.ResponseBuilder r = ErrorBody.response(type, code, message, null).status(status);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            r.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return r.build();
    }

    /**
     * The query, header or path parameter whose value could not be converted (Jersey answers those 404 or 400,
     * as if the route did not exist); null for any other refusal. Jersey's ParamException is not API, so by name.
     */
    private static String parameterName(WebApplicationException e) {
        for (Class<?> c = e.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.glassfish.jersey.server.ParamException")) {
                try {
                    Object name = c.getMethod("getParameterName").invoke(e);
                    return name instanceof String s && !s.isEmpty() ? s : null;
                } catch (ReflectiveOperationException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
