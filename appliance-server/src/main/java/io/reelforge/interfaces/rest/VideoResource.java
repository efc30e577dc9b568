package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.Caller;
import io.reelforge.application.GenerationService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.application.webhooks.WebhookService;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/** {@code /v1/video}: submit a clip, read one (or wait for it to change), follow it live, list them, cancel one. */
@Path("v1/video")
@Tag(name = "video", description = "Generations: submit, poll, list, cancel")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    CallerContext caller;

    @Inject
    GenerationService generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    GenerationAssembler assembler;

    @Inject
    UploadedImages images;

    @Inject
    LiveEvents liveEvents;

    @Inject
    WebhookService webhooks;

    @Inject
    IdempotencyClaim idempotency;

    @Context
    UriInfo uri;

    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "generate", summary = "Submit a clip",
            description = "Debits the plan's price in the same transaction that queues the job; answers at once.")
    @APIResponse(responseCode = "202", ref = RestApplication.ACCEPTED)
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "402", ref = RestApplication.INSUFFICIENT_CREDITS)
    @APIResponse(responseCode = "403", ref = RestApplication.PLAN_WITHOUT_VIDEO)
    @APIResponse(responseCode = "413", ref = RestApplication.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = RestApplication.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = RestApplication.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = RestApplication.TOO_MANY_IN_FLIGHT)
    @APIResponse(responseCode = "503", ref = RestApplication.UNAVAILABLE)
    public Response generateJson(InputStream body) throws IOException {
        return submit(RequestFields.json(body), null);
    }

    @POST
    @Path("generate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // One OpenAPI operation with generateJson (one per path and verb): the same annotations, or the merge keeps
    // a bare default response; OpenApiTidy gives the operation both request bodies.
    @Operation(operationId = "generate", summary = "Submit a clip",
            description = "Debits the plan's price in the same transaction that queues the job; answers at once.")
    @APIResponse(responseCode = "202", ref = RestApplication.ACCEPTED)
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "402", ref = RestApplication.INSUFFICIENT_CREDITS)
    @APIResponse(responseCode = "403", ref = RestApplication.PLAN_WITHOUT_VIDEO)
    @APIResponse(responseCode = "413", ref = RestApplication.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = RestApplication.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = RestApplication.UNPROCESSABLE)
    @APIResponse(responseCode = "429", ref = RestApplication.TOO_MANY_IN_FLIGHT)
    @APIResponse(responseCode = "503", ref = RestApplication.UNAVAILABLE)
    public Response generateMultipart(List<EntityPart> parts) throws IOException {
        RequestFields.Form form = RequestFields.form(parts, "image", images);
        return submit(form.fields(), form.file());
    }

    /** With {@code Prefer: wait=N} a long-poll: answers when the status changes or after N seconds (at most 60). */
    @GET
    @Path("{id}")
    @Operation(operationId = "getGeneration", summary = "Read a generation",
            description = "Poll until status is completed, failed, canceled or expired; output_url is signed afresh on each read. "
                    + "With Prefer: wait=N (at most 60) a long-poll: answers when the status changes or after N seconds.")
    @APIResponse(responseCode = "200", description = "The generation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Generation")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public void get(@Parameter(description = "generation_id", required = true) @PathParam("id") String id,
                    @Parameter(description = "wait=N: a long-poll of up to N seconds (at most 60).", example = "wait=30")
                    @HeaderParam("Prefer") String prefer,
                    @Suspended AsyncResponse async) {
        String accountId = caller.get().accountId();
        int wait = LiveEvents.waitSeconds(prefer);
        if (wait > 0) {
            liveEvents.longPoll(accountId, id, wait, async, uri.getBaseUri());
        } else {
            async.resume(assembler.toDto(generations.find(accountId, id), uri.getBaseUri()));
        }
    }

    /** Server-Sent Events of the generation's status until it ends; {@code Last-Event-ID} resumes. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "followGeneration", summary = "Follow a generation live (Server-Sent Events)",
            description = "One event with the generation (as JSON, the Generation schema) on each change, until it ends; "
                    + "Last-Event-ID resumes.")
    @APIResponse(responseCode = "200", description = "An event stream of Generation objects.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public void events(@Parameter(description = "generation_id", required = true) @PathParam("id") String id,
                       @Parameter(description = "The id of the last event received, to resume.")
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        liveEvents.stream(caller.get().accountId(), id, lastEventId, sink, sse, uri.getBaseUri());
    }

    @GET
    @Operation(operationId = "listGenerations", summary = "List the account's generations, newest first")
    @APIResponse(responseCode = "200", description = "A page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GenerationPage")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "422", ref = RestApplication.UNPROCESSABLE)
    public PageDto<GenerationDto> list(
            @Parameter(description = "Only this status.", schema = @Schema(enumeration = {"queued", "processing", "completed",
                    "failed", "canceled", "expired"})) @QueryParam("status") String status,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "The previous page's next_cursor.") @QueryParam("cursor") String cursor) {
        GenerationStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = GenerationStatus.fromWire(status);
            if (filter == null) {
                throw ReelforgeException.validation("status", "invalid_status",
                        "status must be one of queued, processing, completed, failed, canceled, expired.");
            }
        }
        int size = PageDto.limit(limit);
        Cursor after = Cursor.decode(cursor);
        Caller c = caller.get();
        List<Generation> page = generations.page(c.accountId(), filter, after == null ? null : after.createdAt(),
                after == null ? null : after.id(), size + 1);
        return PageDto.of(page, size, g -> assembler.toDto(g, uri.getBaseUri()), g -> new Cursor(g.createdAt(), g.id()));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelGeneration", summary = "Cancel a queued or processing job (refunded)")
    @APIResponse(responseCode = "200", description = "The canceled generation.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Generation")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The job already ended: generation.not_cancelable.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public GenerationDto cancel(@Parameter(description = "generation_id", required = true) @PathParam("id") String id) {
        return assembler.toDto(lifecycle.cancel(caller.get().accountId(), id), uri.getBaseUri());
    }

    private Response submit(Map<String, Object> fields, byte[] image) {
        Caller c = caller.get();
        ClipRequest request = ClipRequestParser.parse(fields, image);
        String webhookUrl = ClipRequestParser.text(fields, "webhook_url", false);
        String target = webhookUrl == null ? null : webhooks.generationTarget(c.accountId(), webhookUrl).value();
        return accepted(idempotency.answer(generations.submit(c, request, target, uri.getBaseUri().toString(), idempotency.key())));
    }

    private Response accepted(Generation g) {
        return Response.accepted(assembler.toDto(g, uri.getBaseUri()))
                .location(uri.getBaseUriBuilder().path("v1/video").path(g.id()).build())
                .build();
    }
}
