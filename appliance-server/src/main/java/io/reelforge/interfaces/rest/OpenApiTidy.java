package io.reelforge.interfaces.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * Corrects what Payara's generator (mp.openapi.filter) gets wrong, so the document says what the code does:
 * <ul>
 * <li>every unset {@code @Schema} attribute comes out as its Java default ({@code maxProperties: 0},
 * {@code minLength: 0}, {@code readOnly: false}, ...); {@code maxProperties: 0} would forbid every real body;</li>
 * <li>{@code long} fields come out as {@code number} even with {@code format: int64}, and {@code Instant} fields as
 * {@code object} even with {@code type = STRING, format = "date-time"};</li>
 * <li>an array property's items are inlined with Java field names instead of referring to their schema;</li>
 * <li>the JSON and multipart methods of {@code POST /v1/video/generate} are one OpenAPI operation, and only one
 * request body survives the merge;</li>
 * <li>a {@code $ref} property cannot be {@code nullable}, so {@code Video.error} is inlined.</li>
 * </ul>
 */
public class OpenApiTidy implements OASFilter {

    /** Page schemas and the schema of their {@code data} items. */
    private static final Map<String, String> PAGES = Map.of("GenerationPage", "Generation", "LedgerPage", "LedgerEntry",
            "VideoPage", "Video", "DeliveryPage", "Delivery");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        PAGES.forEach((page, item) -> {
            Schema s = schemas.get(page);
            if (s != null && s.getProperties() != null && s.getProperties().get("data") != null) {
                s.getProperties().get("data").setItems(OASFactory.createSchema().ref(item));
            }
        });
        openAPI.getComponents().removeSchema("PageDto");
        // A $ref ignores a sibling nullable: the OpenAI shape's error (null unless failed) is inlined instead.
        Schema video = schemas.get("Video");
        Schema videoError = schemas.get("VideoError");
        if (video != null && videoError != null && video.getProperties() != null) {
            video.addProperty("error", OASFactory.createSchema().type(Schema.SchemaType.OBJECT).nullable(true)
                    .description("Why a failed video failed; null otherwise.")
                    .properties(videoError.getProperties()).required(videoError.getRequired()));
        }
        PathItem generate = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/v1/video/generate");
        Operation post = generate == null ? null : generate.getPOST();
        if (post != null) {
            Content body = OASFactory.createContent()
                    .addMediaType("application/json", media("GenerateRequest"))
                    .addMediaType("multipart/form-data", media("GenerateForm"));
            RequestBody request = OASFactory.createRequestBody().required(true).content(body)
                    .description("JSON, or multipart/form-data with the same fields as parts plus an optional image part.");
            post.setRequestBody(request);
        }
    }

    private static MediaType media(String schema) {
        return OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema));
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
        }
        if (schema.getType() == Schema.SchemaType.NUMBER
                && ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat()))) {
            schema.setType(Schema.SchemaType.INTEGER);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
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
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        return schema;
    }
}
