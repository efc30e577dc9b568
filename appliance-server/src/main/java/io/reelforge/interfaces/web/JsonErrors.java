package io.reelforge.interfaces.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;

/** The API's error shape (or another JSON body) written straight to a servlet response, below JAX-RS. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, int status, String type, String code, String message)
            throws IOException {
        writeBody(response, status, Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("type", type).add("code", code).add("message", message).addNull("param"))
                .build());
    }

    static void writeBody(HttpServletResponse response, int status, jakarta.json.JsonObject json) throws IOException {
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
