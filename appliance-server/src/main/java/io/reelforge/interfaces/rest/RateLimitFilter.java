package io.reelforge.interfaces.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.application.Caller;
import io.reelforge.application.GenerationService;
import io.reelforge.application.RequestRates;
import io.reelforge.domain.shared.RequestRateExceededException;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/**
 * Counts every API request against its key's request rate (429 {@code rate_limit_exceeded} past it) and
 * describes the limits in the IETF draft's {@code RateLimit-Policy} and {@code RateLimit} fields: the
 * {@code "requests"} policy on every answer, and the account's {@code "concurrency"} quota (jobs queued or
 * processing) on the answers of {@code POST /v1/video/generate} and {@code POST /v1/videos}, the 429s included.
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHENTICATION + 500)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String COUNT = RateLimitFilter.class.getName() + ".count";
    /** The two ways to create a job: the concurrency quota is described on their answers. */
    private static final Set<String> CREATE = Set.of("v1/video/generate", "v1/videos");

    @Inject
    CallerContext caller;

    @Inject
    RequestRates rates;

    @Inject
    GenerationService generations;

    @Override
    public void filter(ContainerRequestContext request) {
        RequestRates.Count count = rates.count(caller.get());
        request.setProperty(COUNT, count);
        if (!count.allowed()) {
            throw new RequestRateExceededException(count.limit(), count.resetSeconds());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<String> policies = new ArrayList<>();
        List<String> states = new ArrayList<>();
        if (!(request.getProperty(COUNT) instanceof RequestRates.Count c)) {
            return; // not authenticated: no limits to describe
        }
        if (c.limit() > 0) {
            policies.add("\"requests\";q=" + c.limit() + ";w=" + RequestRates.WINDOW.toSeconds());
            states.add("\"requests\";r=" + c.remaining() + ";t=" + c.resetSeconds());
        }
        if ("POST".equals(request.getMethod()) && CREATE.contains(trimmed(request.getUriInfo().getPath()))) {
            Caller who = caller.get();
            GenerationService.Concurrency q = generations.concurrency(who.accountId());
            int remaining = Math.max(0, q.limit() - q.inFlight());
            policies.add("\"concurrency\";q=" + q.limit() + ";qu=\"concurrent-requests\"");
            states.add("\"concurrency\";r=" + remaining + (remaining == 0 ? ";t=" + Math.max(1, q.retryAfterSeconds()) : ""));
        }
        if (!policies.isEmpty()) {
            response.getHeaders().putSingle("RateLimit-Policy", String.join(", ", policies));
            response.getHeaders().putSingle("RateLimit", String.join(", ", states));
        }
    }

    private static String trimmed(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
