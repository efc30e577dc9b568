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
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminModelsResource {

    @Inject
    ModelAdmin models;

    @Context
    UriInfo uri;

    @GET
    @Path("engines")
    public Map<String, List<EngineRow>> engines() {
        return Map.of("data", models.engines());
    }

    @GET
    @Path("models")
    public Map<String, List<VersionRow>> versions() {
        return Map.of("data", models.versions());
    }

    @GET
    @Path("models/{family}/{version}")
    public VersionRow version(@PathParam("family") String family, @PathParam("version") String version) {
        return models.version(family, version);
    }

    /** {@code {"path": "<folder, .zip or .tar under the import dir>"}}. */
    @POST
    @Path("models")
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Response importUpload(List<EntityPart> parts) throws IOException {
        EntityPart pkg = parts.stream().filter(p -> "package".equals(p.getName())).findFirst().orElseThrow(() ->
                ReelforgeException.validation("package", "package_required",
                        "Send the package as a multipart file part named 'package' (.zip or .tar)."));
        return accepted(models.importUpload(pkg.getContent(), pkg.getFileName().orElse(null)));
    }

    @POST
    @Path("models/{family}/{version}/activate")
    public VersionRow activate(@PathParam("family") String family, @PathParam("version") String version) {
        return models.activate(family, version);
    }

    @POST
    @Path("models/{family}/rollback")
    public VersionRow rollback(@PathParam("family") String family) {
        return models.rollback(family);
    }

    @DELETE
    @Path("models/{family}/{version}")
    public Response remove(@PathParam("family") String family, @PathParam("version") String version) {
        models.remove(family, version);
        return Response.noContent().build();
    }

    private Response accepted(VersionRow v) {
        return Response.accepted(v).location(uri.getBaseUriBuilder().path("v1/admin/models").path(v.family())
                .path(v.version()).build()).build();
    }
}
