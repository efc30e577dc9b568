package io.reelforge.interfaces.rest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * What makes two requests "the same" for an idempotency key: method, path and body. A JSON body counts by its
 * content (key order and spacing do not matter); a multipart body by its parts, whatever its boundary.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    private static final java.util.regex.Pattern BOUNDARY =
            java.util.regex.Pattern.compile("(?i);\\s*boundary=\"?([^\";]+)\"?");

    /** @param contentType the request's Content-Type header, or null */
    static String of(String method, String path, String contentType, byte[] body) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(normalised(contentType, body));
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] normalised(String contentType, byte[] body) {
        if (contentType == null || body.length == 0) {
            return body;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
                return canonical(r.readValue()).toString().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                // unreadable or too deep (the parser's own nesting guard): the resource refuses it; the raw bytes are the key
                return body;
            }
        }
        java.util.regex.Matcher boundary = BOUNDARY.matcher(contentType);
        if (type.startsWith("multipart/form-data") && boundary.find()) {
            return new String(body, StandardCharsets.ISO_8859_1).replace(boundary.group(1), "")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return body;
    }

    private static JsonValue canonical(JsonValue v) {
        if (v instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (Map.Entry<String, JsonValue> e : new TreeMap<>(o).entrySet()) {
                b.add(e.getKey(), canonical(e.getValue()));
            }
            return b.build();
        }
        if (v instanceof JsonArray a) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            a.forEach(item -> b.add(canonical(item)));
            return b.build();
        }
        return v;
    }
}
