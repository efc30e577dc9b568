package io.reelforge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An appliance's served {@code /openapi} document as a strict check of real answers: each must have the expected
 * status, that status must be documented for the operation, and its body must validate against the documented
 * schema (unknown properties, missing required ones, wrong types and nulls where none are allowed all fail).
 * Failures are collected, so one run names every disagreement.
 */
final class OpenApiContract {

    private final JsonNode document;
    private final OpenApiInteractionValidator validator;
    private final List<String> failures = new ArrayList<>();

    private OpenApiContract(JsonNode document, OpenApiInteractionValidator validator) {
        this.document = document;
        this.validator = validator;
    }

    static OpenApiContract of(Appliance appliance) throws Exception {
        Api.Resp doc = appliance.api().withKey(null).getUrl(appliance.baseUrl() + "/openapi", Map.of("Accept", "application/json"));
        assertEquals(200, doc.status(), doc.text());
        assertEquals("3", doc.json().path("openapi").asText().substring(0, 1));
        // Payara adds a root "endpoints" map (its own listing, not OpenAPI); the parser refuses unknown root keys.
        ObjectNode spec = (ObjectNode) doc.json();
        spec.remove("endpoints");
        return new OpenApiContract(spec, OpenApiInteractionValidator.createForInlineApiSpecification(spec.toString()).build());
    }

    JsonNode document() {
        return document;
    }

    OpenApiInteractionValidator validator() {
        return validator;
    }

    /** Records a failure unless {@code r} has the expected status and matches the document for this operation. */
    void check(String path, Request.Method method, Api.Resp r, int expected) {
        if (r.status() != expected) {
            failures.add(method + " " + path + ": expected " + expected + " but got " + r.status() + " " + r.text());
            return;
        }
        SimpleResponse.Builder b = SimpleResponse.Builder.status(r.status());
        String type = r.header("Content-Type");
        if (type != null) {
            b.withContentType(type);
        }
        if (r.bytes().length > 0) {
            b.withBody(type != null && type.startsWith("application/json") ? r.text()
                    : new String(r.bytes(), StandardCharsets.ISO_8859_1));
        }
        ValidationReport report = validator.validateResponse(path, method, b.build());
        if (report.hasErrors()) {
            failures.add(method + " " + path + " " + r.status() + ": " + report.getMessages());
        }
    }

    /** Fails naming every answer that disagreed with the document since the last call. */
    void assertAllMatched() {
        List<String> found = List.copyOf(failures);
        failures.clear();
        if (!found.isEmpty()) {
            fail("responses that disagree with /openapi:\n" + String.join("\n", found));
        }
    }
}
