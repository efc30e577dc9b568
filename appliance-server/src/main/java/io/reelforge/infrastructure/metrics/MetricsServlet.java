package io.reelforge.infrastructure.metrics;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics}: Prometheus text 0.0.4, every scope or one ({@code ?scope=application} for the appliance's
 * own series, {@code ?scope=base} for the JVM's), as the MicroProfile Metrics endpoint of Payara 6 served it.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PrometheusOpsMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String scope = request.getParameter("scope");
        if (scope != null && !scope.equals("application") && !scope.equals("base")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write(Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("type", "invalid_request_error").add("code", "invalid_scope")
                    .add("message", "scope must be application or base").add("param", "scope")).build().toString());
            return;
        }
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.getWriter().write(metrics.scrape(scope));
    }
}
