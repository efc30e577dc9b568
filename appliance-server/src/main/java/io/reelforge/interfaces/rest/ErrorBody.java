package io.reelforge.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.reelforge.domain.shared.ErrorType;

/** The one error shape: {@code {"error": {"type", "code", "message", "param"}}}. */
@Schema(name = "Error", description = "Every failure has this shape; error.code is stable, error.message is for people.")
public record ErrorBody(@Schema(name = "error", required = true, ref = "ErrorDetail") Detail error) {

    @Schema(name = "ErrorDetail")
    public record Detail(
            @Schema(name = "type", required = true, example = "invalid_request_error",
                    enumeration = {"invalid_request_error", "authentication_error", "billing_error", "permission_error",
                            "not_found_error", "conflict_error", "gone_error", "rate_limit_error", "api_error"})
            String type,
            @Schema(name = "code", required = true, example = "unsupported_resolution")
            String code,
            @Schema(name = "message", required = true, example = "resolution '4k' is not supported; use one of: 720p, 1080p.")
            String message,
            @Schema(name = "param", required = true, nullable = true, example = "resolution",
                    description = "The request field at fault, for 422s.")
            String param) {
    }

    static Response.ResponseBuilder response(ErrorType type, String code, String message, String param) {
        return Response.status(type.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(new Detail(type.wireName(), code, message, param)));
    }
}
