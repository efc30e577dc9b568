package io.reelforge.interfaces.rest;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.application.ops.OpsMetrics;
import io.reelforge.infrastructure.logging.LogContext;

/**
 * Every API request gets a request id (the client's {@code X-Request-Id} when it is a sane token, else a new
 * one), echoed on the response and carried by every log line written while it runs; at the end one access
 * line is logged (path only, never the query, which may hold a URL signature) and the request is counted by
 * route template, method and status.
 */
@Provider
@PreMatching
@Priority(1)
public class RequestTelemetry implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";

    private static final Logger LOG = Logger.getLogger("io.reelforge.access");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String STARTED = RequestTelemetry.class.getName() + ".started";
    private static final String ID = RequestTelemetry.class.getName() + ".id";

    @Inject
    OpsMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(ID, id);
        request.setProperty(STARTED, System.nanoTime());
        LogContext.clear();
        LogContext.put(LogContext.REQUEST_ID, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(ID);
        if (id == null) {
            return;
        }
        response.getHeaders().putSingle(HEADER, id);
        Duration took = Duration.ofNanos(System.nanoTime() - (Long) request.getProperty(STARTED));
        String route = route();
        int status = response.getStatus();
        metrics.request(request.getMethod(), route, status, took);
        LOG.log(status >= 500 ? Level.WARNING : Level.INFO, () -> "method=" + request.getMethod() + " route=" + route
                + " path=" + request.getUriInfo().getPath() + " status=" + status + " ms=" + took.toMillis());
        LogContext.clear();
    }

    /** The matched route template ({@code /v1/video/{id}}), so ids do not make a metric series each. */
    private String route() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Method method = resource == null ? null : resource.getResourceMethod();
        if (type == null || method == null) {
            return "unmatched";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, type.getAnnotation(Path.class));
        append(sb, method.getAnnotation(Path.class));
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static void append(StringBuilder sb, Path p) {
        if (p != null && !p.value().isEmpty() && !"/".equals(p.value())) {
            sb.append('/').append(p.value().replaceAll("^/+|/+$", ""));
        }
    }
}
