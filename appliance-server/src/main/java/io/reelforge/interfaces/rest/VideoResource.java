package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.reelforge.application.GenerationService;
import io.reelforge.application.RenderLifecycle;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ApiKeyRequired;
import io.reelforge.infrastructure.security.Caller;
import io.reelforge.infrastructure.security.CallerContext;

/** {@code /v1/video}: submit a clip, read one, list them, cancel one. */
@Path("v1/video")
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

    @Context
    UriInfo uri;

    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generateJson(InputStream body) throws IOException {
        return accepted(generations.submit(caller.get(), ClipRequestParser.parse(readJson(body), null)));
    }

    @POST
    @Path("generate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response generateMultipart(List<EntityPart> parts) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        byte[] image = null;
        for (EntityPart part : parts) {
            if ("image".equals(part.getName())) {
                image = images.read(part);
            } else if (fields.put(part.getName(), part.getContent(String.class)) != null) {
                throw ReelforgeException.validation(part.getName(), "duplicate_field", part.getName() + " was sent twice.");
            }
        }
        return accepted(generations.submit(caller.get(), ClipRequestParser.parse(fields, image)));
    }

    @GET
    @Path("{id}")
    public GenerationDto get(@PathParam("id") String id) {
        return assembler.toDto(generations.find(caller.get().accountId(), id), uri.getBaseUri());
    }

    @GET
    public PageDto<GenerationDto> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                       @QueryParam("cursor") String cursor) {
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
    public GenerationDto cancel(@PathParam("id") String id) {
        return assembler.toDto(lifecycle.cancel(caller.get().accountId(), id), uri.getBaseUri());
    }

    private Response accepted(Generation g) {
        return Response.accepted(assembler.toDto(g, uri.getBaseUri()))
                .location(uri.getBaseUriBuilder().path("v1/video").path(g.id()).build())
                .build();
    }

    private static Map<String, Object> readJson(InputStream body) throws IOException {
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ReelforgeException.badRequest("empty_body", "The request body is empty; send a JSON object with a prompt.");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw ReelforgeException.badRequest("invalid_json", "The request body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ReelforgeException.badRequest("invalid_json", "The request body must be a JSON object.");
        }
        Map<String, Object> fields = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
            fields.put(e.getKey(), plain(e.getValue()));
        }
        return fields;
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> v;
        };
    }

}
