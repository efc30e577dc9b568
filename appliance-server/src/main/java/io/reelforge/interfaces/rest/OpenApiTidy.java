package io.reelforge.interfaces.rest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.tags.Tag;

import io.reelforge.domain.model.webhook.WebhookEvent;

/**
 * Corrects what Payara's generator (mp.openapi.filter) gets wrong, so the document says what the code does:
 * <ul>
 * <li>every unset {@code @Schema} attribute comes out as its Java default ({@code maxProperties: 0},
 * {@code minLength: 0}, {@code readOnly: false}, ...); {@code maxProperties: 0} would forbid every real body;</li>
 * <li>{@code long} fields come out as {@code number} even with {@code format: int64}, and {@code Instant} fields as
 * {@code object} even with {@code type = STRING, format = "date-time"};</li>
 * <li>an array property's items are inlined with Java field names instead of referring to their schema;</li>
 * <li>the JSON and multipart methods of {@code POST /v1/video/generate} and {@code POST /v1/admin/models} are one
 * OpenAPI operation each, and only one request body survives the merge;</li>
 * <li>a {@code $ref} property cannot be {@code nullable}, so {@code Video.error} is inlined;</li>
 * <li>an {@code example} is always written as a string, even for a number, a boolean, an array or an object:
 * it is parsed as the JSON it is;</li>
 * <li>an array's items cannot carry an enumeration: the webhook {@code events} arrays get theirs here;</li>
 * <li>a tag named on two resources (admin: models and password) is listed twice, which parsers refuse: the one
 * with a description is kept.</li>
 * </ul>
 */
public class OpenApiTidy implements OASFilter {

    /** Array properties ({@code schema.property}) and the schema of their items. */
    private static final Map<String, String> ITEMS = Map.ofEntries(
            Map.entry("GenerationPage.data", "Generation"),
            Map.entry("LedgerPage.data", "LedgerEntry"),
            Map.entry("VideoPage.data", "Video"),
            Map.entry("DeliveryPage.data", "Delivery"),
            Map.entry("Delivery.attempt_log", "DeliveryAttempt"),
            Map.entry("WebhookEndpointList.data", "WebhookEndpoint"),
            Map.entry("EngineList.data", "Engine"),
            Map.entry("ModelVersionList.data", "ModelVersion"),
            Map.entry("PlanList.data", "PlanOption"),
            Map.entry("AdminAccountList.data", "AdminAccount"),
            Map.entry("AdminKeyList.data", "AdminKey"),
            Map.entry("UpstreamList.data", "Upstream"),
            Map.entry("LiveSettingList.data", "LiveSetting"));

    /** String arrays whose items are webhook event names. */
    private static final List<String> EVENT_ARRAYS = List.of("WebhookEndpoint.events", "WebhookEndpointCreated.events",
            "WebhookCreateRequest.events");

    /** Operations with a JSON and a multipart method: their two request bodies' schemas and what they say. */
    private record TwoBodies(String json, String multipart, String description) {
    }

    private static final Map<String, TwoBodies> TWO_BODIES = Map.of(
            "/v1/video/generate", new TwoBodies("GenerateRequest", "GenerateForm",
                    "JSON, or multipart/form-data with the same fields as parts plus an optional image part."),
            "/v1/admin/models", new TwoBodies("ModelImportRequest", "ModelUpload",
                    "JSON naming a package on the server, or multipart/form-data uploading one."));

    /** The API-key routes: every call there counts against the key's request rate (RateLimitFilter). */
    private static final List<String> RATE_LIMITED_PATHS = List.of("/v1/video", "/v1/videos", "/v1/account", "/v1/webhooks");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        rateLimited(openAPI);
        if (openAPI.getTags() != null) {
            Map<String, Tag> tags = new LinkedHashMap<>();
            openAPI.getTags().forEach(t -> tags.merge(t.getName(), t, (a, b) -> a.getDescription() != null ? a : b));
            openAPI.setTags(new ArrayList<>(tags.values()));
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        ITEMS.forEach((property, item) -> property(schemas, property)
                .ifPresent(p -> p.setItems(OASFactory.createSchema().ref(item))));
        List<Object> events = Arrays.stream(WebhookEvent.values()).map(e -> (Object) e.wireName()).toList();
        EVENT_ARRAYS.forEach(property -> property(schemas, property).ifPresent(p -> p.setItems(
                OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).enumeration(events))));
        openAPI.getComponents().removeSchema("PageDto");
        // The OpenAI shape's error (null unless failed) is inlined as an object-or-null (OpenAPI 3.1's nullable).
        Schema video = schemas.get("Video");
        Schema videoError = schemas.get("VideoError");
        if (video != null && videoError != null && video.getProperties() != null) {
            video.addProperty("error", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL))
                    .description("Why a failed video failed; null otherwise.")
                    .properties(videoError.getProperties()).required(videoError.getRequired()));
        }
        TWO_BODIES.forEach((path, bodies) -> {
            PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
            Operation post = item == null ? null : item.getPOST();
            if (post != null) {
                Content body = OASFactory.createContent()
                        .addMediaType("application/json", media(bodies.json()))
                        .addMediaType("multipart/form-data", media(bodies.multipart()));
                post.setRequestBody(OASFactory.createRequestBody().required(true).content(body)
                        .description(bodies.description()));
            }
        });
    }

    /**
     * Every operation on an API-key route can answer 429 rate_limit_exceeded: said once here rather than on each
     * method. An operation with a 429 of its own (generate's, which names both limits) keeps it.
     */
    private static void rateLimited(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (RATE_LIMITED_PATHS.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                return;
            }
            item.getOperations().values().forEach(op -> {
                if (op.getResponses() != null && !op.getResponses().hasAPIResponse("429")) {
                    op.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                            .ref(RestApplication.RATE_LIMITED));
                }
            });
        });
    }

    /** {@code Schema.property} of the components, when both exist. */
    private static Optional<Schema> property(Map<String, Schema> schemas, String path) {
        String[] p = path.split("\\.");
        Schema s = schemas.get(p[0]);
        return s == null || s.getProperties() == null ? Optional.empty() : Optional.ofNullable(s.getProperties().get(p[1]));
    }

    /** An example written as the JSON text of a number, boolean, array or object, as that value. */
    private static Object example(Object example, List<Schema.SchemaType> type) {
        if (!(example instanceof String text) || type == null || type.contains(Schema.SchemaType.STRING)) {
            return example;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return plain(reader.readValue());
        } catch (JsonException e) {
            return example; // not JSON after all: left as written
        }
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue() : ((JsonNumber) v).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) v).getString();
            case ARRAY -> v.asJsonArray().stream().map(OpenApiTidy::plain).toList();
            case OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.asJsonObject().forEach((k, x) -> m.put(k, plain(x)));
                yield m;
            }
            default -> null;
        };
    }

    private static MediaType media(String schema) {
        return OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema));
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(List.of(Schema.SchemaType.STRING));
        }
        if (List.of(Schema.SchemaType.NUMBER).equals(schema.getType())
                && ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat()))) {
            schema.setType(List.of(Schema.SchemaType.INTEGER));
        }
        schema.setExample(example(schema.getExample(), schema.getType()));
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }
}
