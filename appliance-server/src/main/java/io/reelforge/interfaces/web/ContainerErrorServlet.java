package io.reelforge.interfaces.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for what the container answers itself (a Content-Type it cannot parse, an exception thrown
 * while the answer is committed, an empty-bodied error): the API's JSON error, never the container's HTML page.
 * The console ({@code /admin}) gets a short page of its own instead.
 */
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404; // asked for directly: no such endpoint
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String message = message(status);
        if (error != null || (code != null && status == 500)) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "unhandled error, incident " + incident, error);
            message = "Internal error (incident " + incident + "). The request was not completed.";
        }
        if (response.isCommitted()) {
            return;
        }
        if (uri instanceof String u && (u.equals("/admin") || u.startsWith("/admin/"))) {
            byte[] page = ("<!doctype html><title>" + status + "</title><p>" + message + "</p>")
                    .getBytes(StandardCharsets.UTF_8);
            response.resetBuffer();
            response.setStatus(status);
            response.setContentType("text/html;charset=utf-8");
            response.getOutputStream().write(page);
            return;
        }
        JsonErrors.write(response, status, type(status), code(status), message);
    }

    /** The error type for a status the container (or Grizzly below it) answers; also used by {@link CodecRefusals}. */
    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 505 -> "invalid_request_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "malformed_request";
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "request_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 416 -> "range_not_satisfiable";
            case 503 -> "unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: a malformed request line, header (such as Content-Type), URL "
                    + "or body.";
            case 404 -> "No such endpoint.";
            case 405 -> "This endpoint does not accept that HTTP method.";
            case 413 -> "The request is larger than this endpoint accepts.";
            case 415 -> "This endpoint does not take that Content-Type.";
            case 416 -> "The requested byte range is outside the file.";
            case 503 -> "The appliance cannot take this request now; retry shortly.";
            case 505 -> "This HTTP version is not supported; use HTTP/1.1 (or HTTP/1.0).";
            default -> status >= 500 ? "Internal error." : "The request could not be served.";
        };
    }
}
