package io.reelforge.interfaces.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.application.IdempotencyService;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/**
 * {@code Idempotency-Key} on any POST of the API: the first request with a key runs and its response is kept;
 * a retry with the same key and request gets that response again ({@code Idempotent-Replayed: true}) and does
 * nothing; the same key with another request is {@code 422}; a retry while the first still runs is {@code 409}.
 * A submission does not depend on the stored response: it binds its generation to the key as it charges it
 * ({@link IdempotencyClaim}), so a retry after a crash before the response was stored answers with that generation.
 */
@Provider
@ApiKeyRequired
@Priority(Priorities.AUTHORIZATION)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String RECORD = IdempotencyFilter.class.getName() + ".record";

    @Inject
    CallerContext caller;

    @Inject
    IdempotencyService idempotency;

    @Inject
    IdempotencyClaim claim;

    private final Jsonb json = new JsonConfig().getContext(Object.class);

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (key.isEmpty() || key.length() > IdempotencyService.MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ReelforgeException.badRequest("invalid_idempotency_key", "Idempotency-Key must be 1 to "
                    + IdempotencyService.MAX_KEY_LENGTH + " printable ASCII characters (a UUID is a good choice).");
        }
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = Fingerprint.of(request.getMethod(), request.getUriInfo().getPath(),
                request.getHeaderString("Content-Type"), body);
        String account = caller.get().accountId();
        IdempotencyService.Decision d;
        try {
            d = idempotency.begin(account, key, fingerprint);
        } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
            // A concurrent first use of the same key won the insert: decide again against its row.
            d = idempotency.begin(account, key, fingerprint);
        }
        if (d.replay() == null) {
            request.setProperty(RECORD, d.recordId());
            claim.claim(d.recordId());
            return;
        }
        IdempotencyService.Replay r = d.replay();
        Response.ResponseBuilder answer = Response.status(r.status()).header("Idempotent-Replayed", "true");
        if (r.body() != null) {
            answer.entity(r.body().getBytes(StandardCharsets.UTF_8)).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (r.location() != null) {
            answer.header("Location", r.location());
        }
        request.abortWith(answer.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(RECORD);
        if (id == null) {
            return;
        }
        if (claim.replayed()) {
            response.getHeaders().putSingle("Idempotent-Replayed", "true");
        }
        int status = response.getStatus();
        if (status >= 500 || status == 401 || status == 409 || status == 429) {
            idempotency.release((String) id);
            return;
        }
        String body = response.hasEntity() ? json.toJson(response.getEntity()) : null;
        idempotency.complete((String) id, status, body, response.getHeaderString("Location"));
    }
}
