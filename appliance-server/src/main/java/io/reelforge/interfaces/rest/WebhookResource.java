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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.webhook.WebhookDelivery;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/**
 * {@code /v1/webhooks}: an account's endpoints and their secrets, the signing key of per-generation
 * {@code webhook_url}s, and the deliveries with their attempts and redelivery.
 */
@Path("v1/webhooks")
@Tag(name = "webhooks", description = "Endpoints that get the end events of the account's generations, signed per "
        + "Standard Webhooks; deliveries, their attempts and redelivery")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final String DELIVERY = "A delivery with its attempts.";

    @Inject
    CallerContext caller;

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookAssembler assembler;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Create an endpoint",
            description = "Answers the endpoint with its signing secret, which is never shown again.")
    @APIResponse(responseCode = "201", description = "The endpoint and its secret (shown once).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointCreated")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "413", ref = RestApplication.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = RestApplication.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", description = "A field breaks its rule; param names it: url_required, invalid_type, "
            + "invalid_webhook_url, webhook_url_refused (a loopback, link-local or metadata address that is not allow-listed), "
            + "invalid_event, description_too_long, too_many_endpoints.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR),
                    examples = @ExampleObject(name = "webhook_url_refused", value = "{\"error\":{\"type\":"
                            + "\"invalid_request_error\",\"code\":\"webhook_url_refused\",\"message\":\"url points to a "
                            + "loopback address 127.0.0.1, which webhooks may not reach unless an administrator allows it.\","
                            + "\"param\":\"url\"}}")))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "WebhookCreateRequest"))) InputStream body) throws IOException {
        Map<String, Object> fields = RequestFields.json(body);
        WebhookService.Created created = webhooks.create(account(), ClipRequestParser.text(fields, "url", false),
                ClipRequestParser.text(fields, "description", false), RequestFields.strings(fields, "events"));
        return Response.status(Response.Status.CREATED).entity(assembler.toDto(created)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the account's endpoints, oldest first (no secrets)")
    @APIResponse(responseCode = "200", description = "Every endpoint of the account.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpointList")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    public Map<String, List<WebhookDtos.Endpoint>> list() {
        return Map.of("data", webhooks.endpoints(account()).stream().map(assembler::toDto).toList());
    }

    @POST
    @Path("signing-key")
    @Operation(operationId = "rotateSigningKey", summary = "Create or rotate the account's signing key",
            description = "The key signs the deliveries of per-generation webhook_urls. The first call creates it; a later "
                    + "one rotates it, and the old key keeps signing until previous_secret_valid_until.")
    @APIResponse(responseCode = "200", description = "The new key, shown once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookSecret")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    public WebhookDtos.Secret rotateSigningKey() {
        return assembler.toDto(webhooks.rotateSigningKey(account()));
    }

    @GET
    @Path("deliveries")
    @Operation(operationId = "listDeliveries", summary = "List every delivery of the account, newest first",
            description = "Endpoints' deliveries and those of per-generation webhook_urls, each with its attempts.")
    @APIResponse(responseCode = "200", description = "A page of deliveries, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "422", ref = RestApplication.INVALID_PAGE)
    public PageDto<WebhookDtos.Delivery> allDeliveries(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "The previous page's next_cursor.") @QueryParam("cursor") String cursor) {
        return deliveries(null, limit, cursor);
    }

    @GET
    @Path("deliveries/{delivery}")
    @Operation(operationId = "getDelivery", summary = "Read a delivery and its attempts")
    @APIResponse(responseCode = "200", description = DELIVERY,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Delivery")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    public WebhookDtos.Delivery delivery(@Parameter(description = "The delivery's id (dlv_…).", required = true)
                                         @PathParam("delivery") String id) {
        return assembler.toDto(webhooks.delivery(account(), id));
    }

    @POST
    @Path("deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliver", summary = "Send a delivery again",
            description = "The same message (same webhook-id and body) is sent at once, with a fresh retry schedule.")
    @APIResponse(responseCode = "202", description = "The delivery, pending again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Delivery")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    @APIResponse(responseCode = "409", ref = RestApplication.WEBHOOK_DISABLED)
    public Response redeliver(@Parameter(description = "The delivery's id (dlv_…).", required = true)
                              @PathParam("delivery") String id) {
        return Response.accepted(assembler.toDto(webhooks.redeliver(account(), id))).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Read an endpoint (no secret)")
    @APIResponse(responseCode = "200", description = "The endpoint.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    public WebhookDtos.Endpoint get(@Parameter(description = "The endpoint's id (we_…).", required = true)
                                    @PathParam("id") String id) {
        return assembler.toDto(webhooks.endpoint(account(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete an endpoint with its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    public Response delete(@Parameter(description = "The endpoint's id (we_…).", required = true) @PathParam("id") String id) {
        webhooks.delete(account(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate an endpoint's secret",
            description = "The old secret keeps signing beside the new one until previous_secret_valid_until.")
    @APIResponse(responseCode = "200", description = "The new secret, shown once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookSecret")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    public WebhookDtos.Secret rotateSecret(@Parameter(description = "The endpoint's id (we_…).", required = true)
                                           @PathParam("id") String id) {
        return assembler.toDto(webhooks.rotateSecret(account(), id));
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Turn on an endpoint that a 410 disabled")
    @APIResponse(responseCode = "200", description = "The endpoint, active.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookEndpoint")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    public WebhookDtos.Endpoint enable(@Parameter(description = "The endpoint's id (we_…).", required = true)
                                       @PathParam("id") String id) {
        return assembler.toDto(webhooks.enable(account(), id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List an endpoint's deliveries, newest first")
    @APIResponse(responseCode = "200", description = "A page of deliveries, newest first.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DeliveryPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    @APIResponse(responseCode = "422", ref = RestApplication.INVALID_PAGE)
    public PageDto<WebhookDtos.Delivery> endpointDeliveries(
            @Parameter(description = "The endpoint's id (we_…).", required = true) @PathParam("id") String id,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "The previous page's next_cursor.") @QueryParam("cursor") String cursor) {
        return deliveries(id, limit, cursor);
    }

    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    @Operation(operationId = "redeliverOfWebhook", summary = "Send an endpoint's delivery again",
            description = "As POST /v1/webhooks/deliveries/{delivery}/redeliver, for a delivery of this endpoint.")
    @APIResponse(responseCode = "202", description = "The delivery, pending again.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Delivery")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.WEBHOOK_NOT_FOUND)
    @APIResponse(responseCode = "409", ref = RestApplication.WEBHOOK_DISABLED)
    public Response redeliverOfEndpoint(@Parameter(description = "The endpoint's id (we_…).", required = true)
                                        @PathParam("id") String id,
                                        @Parameter(description = "The delivery's id (dlv_…).", required = true)
                                        @PathParam("delivery") String delivery) {
        WebhookDelivery d = webhooks.delivery(account(), delivery);
        if (!id.equals(d.endpointId())) {
            throw ReelforgeException.notFound("delivery", delivery);
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
