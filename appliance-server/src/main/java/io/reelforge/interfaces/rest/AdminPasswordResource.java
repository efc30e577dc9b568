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

import io.reelforge.application.console.ConsoleSessions;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.security.ConsoleCredentialsRequired;
import io.reelforge.infrastructure.security.PasswordChangeAllowed;

/**
 * {@code POST /v1/admin/password}: the signed-in console user chooses a new password, the one admin call
 * allowed before the first admin's printed password is replaced (so a headless box needs no browser).
 */
@Path("v1/admin/password")
@ConsoleCredentialsRequired
@Produces(MediaType.APPLICATION_JSON)
public class AdminPasswordResource {

    @Inject
    ConsoleSessions sessions;

    /** {@code {"current": "...", "password": "..."}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PasswordChangeAllowed
    public Response change(InputStream body) throws IOException {
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
