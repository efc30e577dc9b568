package io.reelforge.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.reelforge.domain.shared.ErrorType;

/** The one error shape: {@code {"error": {"type", "code", "message", "param"}}}. */
public record ErrorBody(Detail error) {

    public record Detail(String type, String code, String message, String param) {
    }

    static Response.ResponseBuilder response(ErrorType type, String code, String message, String param) {
        return Response.status(type.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(type.wireName(), code, message, param)));
    }
}
