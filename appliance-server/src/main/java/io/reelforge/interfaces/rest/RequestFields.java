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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.EntityPart;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * The fields of a create request, from a JSON object or from multipart form parts (where every value is text
 * and one named part is an uploaded image), as a map the request parsers read. JSON is read strictly: one
 * object, each key once, nothing after it, nested at most {@link #MAX_DEPTH} deep; its values keep their JSON
 * types, where a form's are all text ({@link FormFields}) and are read by each field's rule.
 */
final class RequestFields {

    /** Deeper than any request needs, far below what could exhaust a parser's stack. */
    static final int MAX_DEPTH = 32;

    /** Form text fields, and the checked image part's bytes or null. */
    record Form(Map<String, Object> fields, byte[] file) {
    }

    /** Fields from multipart form parts: every value is text, so a number or a boolean may come as text. */
    static final class FormFields extends HashMap<String, Object> {
    }

    private RequestFields() {
    }

    static Form form(List<EntityPart> parts, String fileField, UploadedImages images) throws IOException {
        Map<String, Object> fields = new FormFields();
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
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw ReelforgeException.badRequest("invalid_json", "The request body must be a JSON object.");
            }
            while (parser.next() != JsonParser.Event.END_OBJECT) {
                String key = parser.getString();
                parser.next();
                if (fields.containsKey(key)) {
                    throw duplicate(key);
                }
                fields.put(key, plain(value(parser, 1)));
            }
            if (parser.hasNext()) {
                throw ReelforgeException.badRequest("invalid_json", "The request body has data after the JSON object.");
            }
        } catch (jakarta.json.JsonException | java.util.NoSuchElementException | IllegalStateException e) {
            throw ReelforgeException.badRequest("invalid_json", "The request body is not valid JSON: " + e.getMessage());
        }
        return fields;
    }

    /** The value whose first event the parser has just read; {@code depth} is the nesting of its container. */
    private static JsonValue value(JsonParser parser, int depth) {
        JsonParser.Event event = parser.currentEvent();
        if (event != JsonParser.Event.START_OBJECT && event != JsonParser.Event.START_ARRAY) {
            return parser.getValue();
        }
        if (depth >= MAX_DEPTH) {
            throw tooDeep();
        }
        if (event == JsonParser.Event.START_ARRAY) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            while (parser.next() != JsonParser.Event.END_ARRAY) {
                array.add(value(parser, depth + 1));
            }
            return array.build();
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        java.util.Set<String> keys = new java.util.HashSet<>();
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            parser.next();
            if (!keys.add(key)) {
                throw duplicate(key);
            }
            object.add(key, value(parser, depth + 1));
        }
        return object.build();
    }

    private static ReelforgeException duplicate(String key) {
        return new ReelforgeException(io.reelforge.domain.shared.ErrorType.INVALID_REQUEST, "duplicate_key",
                "The key '" + key + "' appears more than once in the JSON object; send each key once.", key);
    }

    /** The one refusal of JSON nested too deep, wherever it is read (here, or in the body stream's guard). */
    static ReelforgeException tooDeep() {
        return ReelforgeException.badRequest("json_too_deep",
                "The JSON body is nested more than " + MAX_DEPTH + " levels deep.");
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
