package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.EntityPart;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * The fields of a create request, from a JSON object or from multipart form parts (where every value is text
 * and one named part is an uploaded image), as a map the request parsers read.
 */
final class RequestFields {

    /** Form text fields, and the checked image part's bytes or null. */
    record Form(Map<String, Object> fields, byte[] file) {
    }

    private RequestFields() {
    }

    static Form form(List<EntityPart> parts, String fileField, UploadedImages images) throws IOException {
        Map<String, Object> fields = new HashMap<>();
        byte[] file = null;
        for (EntityPart part : parts) {
            if (fileField.equals(part.getName())) {
                if (file != null) {
                    throw ReelforgeException.validation(fileField, "duplicate_field", fileField + " was sent twice.");
                }
                file = images.read(part);
            } else if (fields.put(part.getName(), part.getContent(String.class)) != null) {
                throw ReelforgeException.validation(part.getName(), "duplicate_field", part.getName() + " was sent twice.");
            }
        }
        return new Form(fields, file);
    }

    /**
     * @return values as String, Boolean, BigDecimal, null, or the JsonValue itself for arrays and objects
     */
    static Map<String, Object> json(InputStream body) throws IOException {
        String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ReelforgeException.badRequest("empty_body", "The request body is empty; send a JSON object with a prompt.");
        }
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (jakarta.json.JsonException e) {
            throw ReelforgeException.badRequest("invalid_json", "The request body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ReelforgeException.badRequest("invalid_json", "The request body must be a JSON object.");
        }
        Map<String, Object> fields = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
            fields.put(e.getKey(), plain(e.getValue()));
        }
        return fields;
    }

    /** A list of strings, or a refusal naming the field; null when absent. */
    static List<String> strings(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray a)) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : a) {
            if (!(item instanceof JsonString s)) {
                throw ReelforgeException.validation(name, "invalid_type", name + " must be an array of strings.");
            }
            out.add(s.getString());
        }
        return out;
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> v;
        };
    }
}
