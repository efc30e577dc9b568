package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.console.UpstreamAdmin;
import io.reelforge.application.console.UpstreamAdmin.TestResult;
import io.reelforge.application.console.UpstreamAdmin.UpstreamRow;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;

/**
 * {@code /v1/admin/upstreams}: the remote engine's upstream servers, configured (read-only) and added here, for
 * console users with HTTP Basic credentials; {@code engines:read} lists, {@code engines:manage} changes and tests.
 */
@Path("v1/admin/upstreams")
@Tag(name = "admin")
@SecurityRequirement(name = RestApplication.CONSOLE_BASIC)
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminUpstreamsResource {

    private static final String ID = "The upstream's id (added ones only).";

    @Inject
    UpstreamAdmin upstreams;

    @GET
    @Operation(operationId = "listUpstreams", summary = "The remote engine's upstreams with their health and load")
    @APIResponse(responseCode = "200", description = "Configured ones first (id null), then the added ones.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpstreamList")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    public Map<String, List<UpstreamRow>> list() {
        return Map.of("data", upstreams.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addUpstream", summary = "Add an upstream; it takes renders as soon as its health check passes",
            description = "The key is stored sealed with the appliance's own key and never shown again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "UpstreamCreateRequest")))
    @APIResponse(responseCode = "201", description = "The upstream, enabled.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Upstream")))
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "409", description = "upstream_exists: configured or added already.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "base_url_required, invalid_url, invalid_max_in_flight, invalid_type, "
            + "address_refused (the address policy: loopback, link-local, ... unless reelforge.engine.remote.allow-addresses).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response add(InputStream body) throws IOException {
        Map<String, Object> f = RequestFields.json(body);
        UpstreamRow row = upstreams.add(string(f, "base_url"), integer(f, "max_in_flight"), string(f, "api_key"));
        return Response.status(Response.Status.CREATED).entity(row).build();
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "testUpstream", summary = "Test the connection now: address policy, health endpoint, the key")
    @APIResponse(responseCode = "200", description = "The outcome; up false says why.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UpstreamTest")))
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public TestResult test(@Parameter(description = ID, required = true) @PathParam("id") String id) {
        return upstreams.test(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateUpstream", summary = "Enable or disable an added upstream")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "UpstreamUpdateRequest")))
    @APIResponse(responseCode = "204", description = "Changed; a disabled upstream takes no new renders.")
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    @APIResponse(responseCode = "422", description = "enabled_required, invalid_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response update(@Parameter(description = ID, required = true) @PathParam("id") String id, InputStream body)
            throws IOException {
        Object enabled = RequestFields.json(body).get("enabled");
        if (enabled == null) {
            throw ReelforgeException.validation("enabled", "enabled_required", "enabled is required.");
        }
        if (!(enabled instanceof Boolean)) {
            throw ReelforgeException.validation("enabled", "invalid_type", "enabled must be true or false.");
        }
        upstreams.enable(id, (Boolean) enabled);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "removeUpstream", summary = "Remove an added upstream; renders running there finish there")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = RestApplication.ADMIN_FORBIDDEN)
    @APIResponse(responseCode = "404", ref = RestApplication.NOT_FOUND)
    public Response remove(@Parameter(description = ID, required = true) @PathParam("id") String id) {
        upstreams.remove(id);
        return Response.noContent().build();
    }

    private static Integer integer(Map<String, Object> f, String name) {
        Object v = f.get(name);
        if (v == null) {
            return null;
        }
        try {
            return ((java.math.BigDecimal) v).intValueExact();
        } catch (ClassCastException | ArithmeticException e) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be an integer.");
        }
    }

    private static String string(Map<String, Object> f, String name) {
        Object v = f.get(name);
        if (v != null && !(v instanceof String)) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be a string.");
        }
        return (String) v;
    }
}
