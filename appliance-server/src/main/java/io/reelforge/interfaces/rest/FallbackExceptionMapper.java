package io.reelforge.interfaces.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Anything else. A body that broke while being read is the client's fault (400, or 413 when it was cut off at
 * its size limit); a unique key the database refused under a concurrent request is a 409 ({@link UniqueViolations});
 * the rest is logged with an incident id and answered without a stack trace.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException) {
                return ErrorBody.response(ErrorType.PAYLOAD_TOO_LARGE, "request_too_large", t.getMessage(), null).build();
            }
            if (t instanceof ReelforgeException r) {
                return new ReelforgeExceptionMapper().toResponse(r);
            }
            if (t instanceof org.apache.shiro.authz.AuthorizationException a) {
                return new AuthorizationExceptionMapper().toResponse(a);
            }
            if (t instanceof jakarta.ws.rs.WebApplicationException w) {
                return new WebApplicationExceptionMapper().toResponse(w);
            }
            if (t instanceof jakarta.json.JsonException || t instanceof jakarta.json.bind.JsonbException) {
                return ErrorBody.response(ErrorType.INVALID_REQUEST, "invalid_json",
                        "The request body is not valid JSON, or is nested too deep.", null).build();
            }
            if (t instanceof jakarta.ws.rs.ProcessingException || t instanceof java.io.IOException) {
                return ErrorBody.response(ErrorType.INVALID_REQUEST, "malformed_body",
                        "The request body could not be read: it is malformed or was cut short.", null).build();
            }
        }
        Optional<ReelforgeException> conflict = UniqueViolations.of(e);
        if (conflict.isPresent()) {
            LOG.log(Level.FINE, "a concurrent request won a unique key: 409", e);
            return new ReelforgeExceptionMapper().toResponse(conflict.get());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unhandled error, incident " + incident, e);
        return ErrorBody.response(ErrorType.INTERNAL, "internal_error",
                "Internal error (incident " + incident + "). The request was not completed.", null).build();
    }
}
