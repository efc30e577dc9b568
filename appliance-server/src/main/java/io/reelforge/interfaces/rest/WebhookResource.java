package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/**
 * {@code /v1/webhooks}: an account's endpoints and their secrets, the signing key of per-generation
 * {@code webhook_url}s, and the deliveries with their attempts and redelivery.
 */
@Path("v1/webhooks")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    CallerContext caller;

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookAssembler assembler;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        Map<String, Object> fields = RequestFields.json(body);
        WebhookService.Created created = webhooks.create(account(), ClipRequestParser.text(fields, "url", false),
                ClipRequestParser.text(fields, "description", false), RequestFields.strings(fields, "events"));
        return Response.status(Response.Status.CREATED).entity(assembler.toDto(created)).build();
    }

    @GET
    public Map<String, List<WebhookDtos.Endpoint>> list() {
        return Map.of("data", webhooks.endpoints(account()).stream().map(assembler::toDto).toList());
    }

    @POST
    @Path("signing-key")
    public WebhookDtos.Secret rotateSigningKey() {
        return assembler.toDto(webhooks.rotateSigningKey(account()));
    }

    @GET
    @Path("deliveries")
    @APIResponse(responseCode = "200", description = "A page of delivery attempts, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    public PageDto<WebhookDtos.Delivery> allDeliveries(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return deliveries(null, limit, cursor);
    }

    @GET
    @Path("deliveries/{delivery}")
    public WebhookDtos.Delivery delivery(@PathParam("delivery") String id) {
        return assembler.toDto(webhooks.delivery(account(), id));
    }

    @POST
    @Path("deliveries/{delivery}/redeliver")
    public Response redeliver(@PathParam("delivery") String id) {
        return Response.accepted(assembler.toDto(webhooks.redeliver(account(), id))).build();
    }

    @GET
    @Path("{id}")
    public WebhookDtos.Endpoint get(@PathParam("id") String id) {
        return assembler.toDto(webhooks.endpoint(account(), id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(account(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    public WebhookDtos.Secret rotateSecret(@PathParam("id") String id) {
        return assembler.toDto(webhooks.rotateSecret(account(), id));
    }

    @POST
    @Path("{id}/enable")
    public WebhookDtos.Endpoint enable(@PathParam("id") String id) {
        return assembler.toDto(webhooks.enable(account(), id));
    }

    @GET
    @Path("{id}/deliveries")
    @APIResponse(responseCode = "200", description = "A page of delivery attempts, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public PageDto<WebhookDtos.Delivery> endpointDeliveries(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                                           @QueryParam("cursor") String cursor) {
        return deliveries(id, limit, cursor);
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    public Response redeliverOfEndpoint(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        WebhookDelivery d = webhooks.delivery(account(), delivery);
        if (!id.equals(d.endpointId())) {
            throw io.reelforge.domain.shared.ReelforgeException.notFound("delivery", delivery);
        }
        return redeliver(delivery);
    }

    private String account() {
        return caller.get().accountId();
    }

    private PageDto<WebhookDtos.Delivery> deliveries(String endpointId, Integer limit, String cursor) {
        int size = PageDto.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<WebhookDelivery> page = webhooks.deliveries(account(), endpointId, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size + 1);
        return PageDto.of(page, size, assembler::toDto, d -> new Cursor(d.createdAt(), d.id()));
    }
}
