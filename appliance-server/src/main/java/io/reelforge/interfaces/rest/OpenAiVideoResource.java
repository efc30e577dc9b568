package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.Caller;
import io.reelforge.application.GenerationService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.engine.EngineRegistry;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.CallerContext;

/**
 * {@code /v1/videos}: the OpenAI video API's shape over the same jobs, credits and ledger as {@code /v1/video},
 * for tools that speak it (the {@code openai} SDKs, LiteLLM, SGLang Diffusion, vLLM-Omni). An adapter only.
 */
@Path("v1/videos")
@Tag(name = "videos", description = "The OpenAI video API's shape over the same jobs: create, retrieve, list, delete, download")
@ApiKeyRequired
@Produces(MediaType.APPLICATION_JSON)
public class OpenAiVideoResource {

    @Inject
    CallerContext caller;

    @Inject
    GenerationService generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    EngineRegistry engines;

    @Inject
    OpenAiVideoAssembler assembler;

    @Inject
    UploadedImages images;

    @Inject
    IdempotencyClaim idempotency;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // One OpenAPI operation with createJson (one per path and verb): the same annotations on both.
    @Operation(operationId = "createVideo", summary = "Create a video (OpenAI shape)",
            description = "JSON or multipart/form-data (with an optional input_reference image). Debits the plan's price "
                    + "and queues the job; answers at once. A field that breaks its rule is 400, as OpenAI answers; an "
                    + "input_reference the active model cannot use (or none where it needs one) is 400 image_not_supported "
                    + "(image_required), nothing charged.")
    @APIResponse(responseCode = "200", description = "The video, queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Video")))
    @APIResponse(responseCode = "400", description = "The body is not readable, or a field breaks its rule (param names it).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "402", ref = RestApplication.INSUFFICIENT_CREDITS)
    @APIResponse(responseCode = "403", ref = RestApplication.PLAN_WITHOUT_VIDEO)
    @APIResponse(responseCode = "413", ref = RestApplication.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = RestApplication.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = RestApplication.TOO_MANY_IN_FLIGHT)
    @APIResponse(responseCode = "503", ref = RestApplication.UNAVAILABLE)
    public OpenAiVideoDto createMultipart(List<EntityPart> parts) throws IOException {
        RequestFields.Form form = RequestFields.form(parts, "input_reference", images);
        return submit(form.fields(), form.file());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createVideo", summary = "Create a video (OpenAI shape)",
            description = "JSON or multipart/form-data (with an optional input_reference image). Debits the plan's price "
                    + "and queues the job; answers at once. A field that breaks its rule is 400, as OpenAI answers; an "
                    + "input_reference the active model cannot use (or none where it needs one) is 400 image_not_supported "
                    + "(image_required), nothing charged.")
    @APIResponse(responseCode = "200", description = "The video, queued.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Video")))
    @APIResponse(responseCode = "400", description = "The body is not readable, or a field breaks its rule (param names it).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "402", ref = RestApplication.INSUFFICIENT_CREDITS)
    @APIResponse(responseCode = "403", ref = RestApplication.PLAN_WITHOUT_VIDEO)
    @APIResponse(responseCode = "413", ref = RestApplication.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = RestApplication.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = RestApplication.TOO_MANY_IN_FLIGHT)
    @APIResponse(responseCode = "503", ref = RestApplication.UNAVAILABLE)
    public OpenAiVideoDto createJson(InputStream body) throws IOException {
        return submit(RequestFields.json(body), null);
    }

    private OpenAiVideoDto submit(java.util.Map<String, Object> fields, byte[] inputReference) {
        Caller c = caller.get();
        ClipRequest request = OpenAiVideoRequest.parse(fields, inputReference, engines.engineIdFor(c.mode()));
        return assembler.toDto(idempotency.answer(generations.submit(c, request, null, uri.getBaseUri().toString(), idempotency.key())));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "retrieveVideo", summary = "Retrieve a video (OpenAI shape)")
    @APIResponse(responseCode = "200", description = "The video.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Video")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public OpenAiVideoDto retrieve(@Parameter(description = "The video's id.", required = true) @PathParam("id") String id) {
        return assembler.toDto(generations.find(caller.get().accountId(), id));
    }

    @GET
    @Operation(operationId = "listVideos", summary = "List the account's videos (OpenAI shape), newest first by default")
    @APIResponse(responseCode = "200", description = "A page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VideoPage")))
    @APIResponse(responseCode = "400", description = "A query parameter breaks its rule: invalid_limit, invalid_order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    public OpenAiVideoDto.Page list(
            @Parameter(description = "The last id of the previous page.") @QueryParam("after") String after,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20")) @QueryParam("limit") Integer limit,
            @Parameter(description = "By creation time.", schema = @Schema(enumeration = {"asc", "desc"}, defaultValue = "desc"))
            @QueryParam("order") String order) {
        boolean ascending = order != null && switch (order) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw ReelforgeException.validation("order", "invalid_order", "order must be asc or desc.");
        };
        int size = PageDto.limit(limit);
        List<Generation> rows = generations.list(caller.get().accountId(), ascending,
                after == null || after.isBlank() ? null : after, size + 1);
        boolean more = rows.size() > size;
        List<OpenAiVideoDto> data = (more ? rows.subList(0, size) : rows).stream().map(assembler::toDto).toList();
        return new OpenAiVideoDto.Page("list", data, data.isEmpty() ? null : data.get(0).id(),
                data.isEmpty() ? null : data.get(data.size() - 1).id(), more);
    }

    /** Deletes the video and its files; one still queued or rendering is canceled and refunded first. */
    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteVideo", summary = "Delete a video and its files (a queued or rendering one is canceled and refunded)")
    @APIResponse(responseCode = "200", description = "Deleted.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "VideoDeleted")))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public OpenAiVideoDto.Deleted delete(@Parameter(description = "The video's id.", required = true) @PathParam("id") String id) {
        Generation g = lifecycle.delete(caller.get().accountId(), id);
        return new OpenAiVideoDto.Deleted(g.id(), "video.deleted", true);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.WILDCARD) // the openai SDK asks for application/binary
    @Operation(operationId = "downloadVideoContent", summary = "Download the MP4, or its JPEG thumbnail (Range supported)")
    @APIResponse(responseCode = "200", description = "The file.", content = {
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "206", description = "The requested byte range.", content = {
            @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "variant is neither video nor thumbnail: unsupported_variant.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "401", ref = RestApplication.UNAUTHORIZED)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The video is not completed yet: generation.not_ready.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "410", description = "The clip was deleted under the retention policy: output_expired.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "416", description = "The range is outside the file: range_not_satisfiable.",
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response content(@Parameter(description = "The video's id.", required = true) @PathParam("id") String id,
                            @Parameter(description = "video (default) or thumbnail.", schema = @Schema(enumeration = {"video", "thumbnail"}))
                            @QueryParam("variant") String variant,
                            @HeaderParam("Range") String range) throws IOException {
        ClipFile kind = variant == null || variant.isBlank() ? ClipFile.VIDEO : ClipFile.ofVariant(variant).orElseThrow(() ->
                ReelforgeException.validation("variant", "unsupported_variant", "variant must be video or thumbnail."));
        java.nio.file.Path file = generations.output(caller.get().accountId(), id, kind);
        return RangedFile.serve(file, kind.mediaType(), id + "." + kind.extension(), range, true)
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
