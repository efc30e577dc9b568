package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;
import io.reelforge.infrastructure.security.PasswordChangeAllowed;

/**
 * {@code POST /v1/admin/password}: the signed-in console user chooses a new password, the one admin call
 * allowed before the first admin's printed password is replaced (so a headless box needs no browser).
 */
@Path("v1/admin/password")
@Tag(name = "admin")
@SecurityRequirement(name = RestApplication.CONSOLE_BASIC)
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminPasswordResource {

    @Inject
    ConsoleSessions sessions;

    /** {@code {"current": "...", "password": "..."}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PasswordChangeAllowed
    @Operation(operationId = "changeConsolePassword", summary = "Choose a new password for the signed-in console user",
            description = "The one admin call allowed while the first admin's printed password is still in use.")
    @APIResponse(responseCode = "204", description = "Changed; use the new password from the next call on.")
    @APIResponse(responseCode = "400", ref = RestApplication.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = RestApplication.ADMIN_UNAUTHORIZED)
    @APIResponse(responseCode = "415", description = "The body is not JSON: unsupported_media_type.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "422", description = "current_required, password_required, password.wrong (current is "
            + "not right), password.too_short (under 12 characters), password.unchanged.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response change(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = "PasswordChange"))) InputStream body) throws IOException {
        Map<String, Object> fields = RequestFields.json(body);
        sessions.changePassword(text(fields, "current"), text(fields, "password"));
        return Response.noContent().build();
    }

    private static char[] text(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof String s)) {
            throw ReelforgeException.validation(name, name + "_required", name + " is required (a string).");
        }
        return s.toCharArray();
    }
}
