package io.reelforge.interfaces.rest;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Map;

import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Turns the fields of a generate request (from JSON or from multipart form parts, where every value is text)
 * into a {@link ClipRequest}: it reads each field's type here and applies {@link ClipRequest}'s own checks as it
 * goes, so each refusal names the first bad field and what it accepts.
 */
final class ClipRequestParser {

    private static final SecureRandom SEEDS = new SecureRandom();

    private ClipRequestParser() {
    }

    /**
     * @param fields values as String, Boolean, BigDecimal, or any other object for a JSON value of the wrong kind
     */
    static ClipRequest parse(Map<String, Object> fields, byte[] image) {
        String prompt = prompt(fields);
        String negative = ClipRequest.checkNegativePrompt(text(fields, "negative_prompt", false));
        String res = text(fields, "resolution", false);
        Resolution resolution = res == null ? Resolution.P1080 : Resolution.fromWire(res.trim()).orElseThrow(() ->
                ReelforgeException.validation("resolution", "unsupported_resolution",
                        "resolution '" + res + "' is not supported; use one of: " + Resolution.supported() + "."));
        String aspect = text(fields, "aspect_ratio", false);
        AspectRatio aspectRatio = aspect == null ? AspectRatio.LANDSCAPE : AspectRatio.fromWire(aspect.trim()).orElseThrow(() ->
                ReelforgeException.validation("aspect_ratio", "unsupported_aspect_ratio",
                        "aspect_ratio '" + aspect + "' is not supported; use one of: " + AspectRatio.supported() + "."));
        Long duration = integer(fields, "duration");
        int seconds = duration == null ? ClipRequest.SUPPORTED_DURATIONS[0] : ClipRequest.checkDuration(duration);
        Boolean cameraFixed = bool(fields, "camera_fixed");
        Long seed = integer(fields, "seed");
        return new ClipRequest(prompt, negative, resolution, aspectRatio, seconds,
                cameraFixed != null && cameraFixed, seed != null ? ClipRequest.checkSeed(seed) : randomSeed(), image);
    }

    /** The required prompt, checked and trimmed by {@link ClipRequest#checkPrompt}: the same rule on both surfaces. */
    static String prompt(Map<String, Object> fields) {
        return ClipRequest.checkPrompt(text(fields, "prompt", true));
    }

    /** A seed for a request without one; echoed back so the clip can be made again. */
    static long randomSeed() {
        return SEEDS.nextLong(ClipRequest.MAX_SEED + 1);
    }

    static String text(Map<String, Object> fields, String name, boolean required) {
        Object v = fields.get(name);
        if (v == null) {
            if (required) {
                throw ReelforgeException.validation(name, name + "_required", name + " is required.");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw ReelforgeException.validation(name, "invalid_type", name + " must be a string.");
        }
        return s;
    }

    /** A whole number: a JSON number, or a form field's text (JSON text is refused: types are as documented). */
    private static Long integer(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = v instanceof BigDecimal b ? b
                    : v instanceof String s && fields instanceof RequestFields.FormFields ? new BigDecimal(s.trim()) : null;
            if (d != null) {
                return d.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the refusal below
        }
        throw ReelforgeException.validation(name, "invalid_type", name + " must be a whole number.");
    }

    /** JSON true or false, or a form field's text (true/false, 1/0, yes/no, on/off). */
    private static Boolean bool(Map<String, Object> fields, String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof String s && fields instanceof RequestFields.FormFields) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "on" -> { return true; }
                case "false", "0", "no", "off" -> { return false; }
                default -> { }
            }
        }
        throw ReelforgeException.validation(name, "invalid_type", name + " must be true or false.");
    }
}
