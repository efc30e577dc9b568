package io.reelforge.interfaces.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;

/** The API's error shape (or another JSON body) written straight to a servlet response, below JAX-RS. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void write(HttpServletResponse response, int status, String type, String code, String message)
            throws IOException {
        writeBody(response, status, error(type, code, message));
    }

    /**
     * A whole HTTP/1.1 answer carrying the error, for the layer below the servlet container that writes bytes; it
     * closes the connection, as the container does after refusing a request it could not read.
     */
    static byte[] httpAnswer(int status, String reason, String type, String code, String message) {
        byte[] body = error(type, code, message).toString().getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Content-Type-Options: nosniff\r\n"
                + "Cache-Control: no-store\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, answer, head.length, body.length);
        return answer;
    }

    private static jakarta.json.JsonObject error(String type, String code, String message) {
        return Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("type", type).add("code", code).add("message", message).addNull("param"))
                .build();
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
