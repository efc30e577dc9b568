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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.console.ModelAdmin;
import io.reelforge.application.console.ModelAdmin.EngineRow;
import io.reelforge.application.console.ModelAdmin.VersionRow;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;

/**
 * {@code /v1/admin}: the engines and the djl engine's model versions, for console users with HTTP Basic
 * credentials (never API keys). Imports answer 202 with the version PENDING; poll it until READY or FAILED.
 */
@Path("v1/admin")
@Tag(name = "admin", description = "For the people who run the appliance: engines and the djl engine's model versions, "
        + "with a console user's HTTP Basic credentials (never an API key); the role's models:* permissions apply")
@SecurityRequirement(name = RestApplication.CONSOLE_BASIC)
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminModelsResource {

    private static final String FAMILY = "The model family, e.g. wan2.1-t2v-1.3b.";
    private static final String VERSION = "The version.";

    @Inject
    ModelAdmin models;

    @Context
    UriInfo uri;

    @GET
    @Path("engines")
    @Operation(operationId = "listEngines", summary = "The engines, whether each is ready, and which one live keys use")
    @APIResponse(responseCode = "200", description = "Every engine.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EngineList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public Map<String, List<EngineRow>> engines() {
        return Map.of("data", models.engines());
    }

    @GET
    @Path("models")
    @Operation(operationId = "listModelVersions", summary = "Every family's versions in the djl engine's registry",
            description = "Empty when the appliance has no djl engine or its registry cannot be opened (listEngines says why).")
    @APIResponse(responseCode = "200", description = "Every version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersionList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public Map<String, List<VersionRow>> versions() {
        return Map.of("data", models.versions());
    }

    @GET
    @Path("models/{family}/{version}")
    @Operation(operationId = "getModelVersion", summary = "Read a version; poll it after an import until ready or failed")
    @APIResponse(responseCode = "200", description = VERSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersion")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.MODEL_NOT_FOUND)
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public VersionRow version(@Parameter(description = FAMILY, required = true) @PathParam("family") String family,
                              @Parameter(description = "The version, e.g. 2.", required = true) @PathParam("version") String version) {
        return models.version(family, version);
    }

    /** {@code {"path": "<folder, .zip or .tar under the import dir>"}}. */
    @POST
    @Path("models")
    @Consumes(MediaType.APPLICATION_JSON)
    // One OpenAPI operation with importUpload (one per path and verb): the same annotations; OpenApiTidy gives
    // it both request bodies.
    @Operation(operationId = "importModelVersion", summary = "Import a model package",
            description = "JSON {\"path\"} names a package folder, .zip or .tar on the server; multipart/form-data uploads "
                    + "one as the file part package. Answers as soon as the manifest is read and the version recorded, "
                    + "pending; the copy, checksums, load and a one-step smoke sample go on in the background.")
    @APIResponse(responseCode = "202", description = "The version, pending.",
            headers = @Header(name = "Location", description = "GET it to poll the version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersion")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The family already has this version: version.duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "413", description = "The upload is larger than reelforge.models.upload.max-bytes: "
            + "package_too_large, request_too_large.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor multipart, or an upload that is not .zip or .tar: "
            + "unsupported_media_type, package_unsupported_format.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "path_required, invalid_type, path_not_found, path_unreadable, "
            + "path_outside_import_dir, package_required, package_empty, import.invalid (no or an unusable manifest), "
            + "archive.unsafe, version.load_failed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public Response importPath(InputStream body) throws IOException {
        Object path = RequestFields.json(body).get("path");
        if (path != null && !(path instanceof String)) {
            throw ReelforgeException.validation("path", "invalid_type", "path must be a string.");
        }
        return accepted(models.importFrom((String) path));
    }

    /** multipart/form-data with one file part {@code package} (.zip or .tar). */
    @POST
    @Path("models")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "importModelVersion", summary = "Import a model package",
            description = "JSON {\"path\"} names a package folder, .zip or .tar on the server; multipart/form-data uploads "
                    + "one as the file part package. Answers as soon as the manifest is read and the version recorded, "
                    + "pending; the copy, checksums, load and a one-step smoke sample go on in the background.")
    @APIResponse(responseCode = "202", description = "The version, pending.",
            headers = @Header(name = "Location", description = "GET it to poll the version.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersion")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "409", description = "The family already has this version: version.duplicate.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "413", description = "The upload is larger than reelforge.models.upload.max-bytes: "
            + "package_too_large, request_too_large.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "415", description = "Neither JSON nor multipart, or an upload that is not .zip or .tar: "
            + "unsupported_media_type, package_unsupported_format.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "path_required, invalid_type, path_not_found, path_unreadable, "
            + "path_outside_import_dir, package_required, package_empty, import.invalid (no or an unusable manifest), "
            + "archive.unsafe, version.load_failed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public Response importUpload(List<EntityPart> parts) throws IOException {
        EntityPart pkg = parts.stream().filter(p -> "package".equals(p.getName())).findFirst().orElseThrow(() ->
                ReelforgeException.validation("package", "package_required",
                        "Send the package as a multipart file part named 'package' (.zip or .tar)."));
        return accepted(models.importUpload(pkg.getContent(), pkg.getFileName().orElse(null)));
    }

    @POST
    @Path("models/{family}/{version}/activate")
    @Operation(operationId = "activateModelVersion", summary = "Make a ready version the one that renders",
            description = "From the next render on; the version active before becomes the previous one (rollback).")
    @APIResponse(responseCode = "200", description = VERSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersion")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.MODEL_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The version is pending or failed: version.not_ready.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public VersionRow activate(@Parameter(description = FAMILY, required = true) @PathParam("family") String family,
                               @Parameter(description = "The version.", required = true) @PathParam("version") String version) {
        return models.activate(family, version);
    }

    @POST
    @Path("models/{family}/rollback")
    @Operation(operationId = "rollbackModel", summary = "Activate the version that was active before; answers it")
    @APIResponse(responseCode = "200", description = VERSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ModelVersion")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.MODEL_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Nothing to roll back to: family.no_previous, family.no_active.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public VersionRow rollback(@Parameter(description = FAMILY, required = true) @PathParam("family") String family) {
        return models.rollback(family);
    }

    @DELETE
    @Path("models/{family}/{version}")
    @Operation(operationId = "removeModelVersion", summary = "Delete a version that is neither active nor pending, files included")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.MODEL_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The version is active, rendering or pending: version.active, "
            + "version.pending.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "503", ref = RestApplication.REGISTRY_UNAVAILABLE)
    public Response remove(@Parameter(description = FAMILY, required = true) @PathParam("family") String family,
                           @Parameter(description = "The version.", required = true) @PathParam("version") String version) {
        models.remove(family, version);
        return Response.noContent().build();
    }

    private Response accepted(VersionRow v) {
        return Response.accepted(v).location(uri.getBaseUriBuilder().path("v1/admin/models").path(v.family())
                .path(v.version()).build()).build();
    }
}
