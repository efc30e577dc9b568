package io.reelforge.interfaces.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First in the chain (declared in web.xml, mapped to /*): refuses a path with an encoded {@code /} or {@code \},
 * an encoded dot, a backslash or a dot segment with 400 before anything routes on it. The container decodes and
 * normalises such a path before choosing the servlet, so {@code /v1/files/..%2f..%2fadmin/} would otherwise reach
 * the console behind a proxy that only lets {@code /v1/*} through. No real URL of this appliance has them
 * ({@link RequestTargets}; {@link RequestTargetFilter} applies the same rule below the container).
 * It also gives every answer a standard reason phrase ({@link ReasonPhrases}), and answers submissions and
 * readiness itself while the appliance drains.
 */
public class PathGuardFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String raw = request.getRequestURI();
        HttpServletResponse answer = ReasonPhrases.wrap(response);
        if (raw != null && RequestTargets.refused(raw)) {
            JsonErrors.write(answer, 400, "invalid_request_error", "invalid_path", RequestTargets.PATH_MESSAGE);
            return;
        }
        java.util.OptionalLong retry = io.reelforge.application.ops.Drain.retryAfterWhileStopping();
        if (retry.isPresent() && answeredHereWhileStopping(request, answer, retry.getAsLong())) {
            return;
        }
        chain.doFilter(request, answer);
    }

    /**
     * While the appliance drains, submissions and readiness are answered here, so that even in the drain's last
     * moments, when the server is stopping the application behind this filter, they get 503 with Retry-After
     * rather than an empty 500 or the container's page.
     */
    private static boolean answeredHereWhileStopping(HttpServletRequest request, HttpServletResponse response, long retry)
            throws IOException {
        String path = request.getRequestURI();
        boolean submission = "POST".equals(request.getMethod())
                && (path.equals("/v1/video/generate") || path.equals("/v1/videos"));
        boolean readiness = path.equals("/health/ready") || path.equals("/health");
        if (!submission && !readiness) {
            return false;
        }
        response.setHeader("Retry-After", String.valueOf(retry));
        if (submission) {
            JsonErrors.write(response, 503, "api_error", "shutting_down", "The appliance is shutting down and takes "
                    + "no new jobs. Retry after " + retry + " s.");
        } else {
            JsonErrors.writeBody(response, 503, jakarta.json.Json.createObjectBuilder().add("status", "DOWN")
                    .add("checks", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                            .add("name", "accepting_jobs").add("status", "DOWN")
                            .add("data", jakarta.json.Json.createObjectBuilder().add("retry_after_seconds", retry))))
                    .build());
        }
        return true;
    }
}
