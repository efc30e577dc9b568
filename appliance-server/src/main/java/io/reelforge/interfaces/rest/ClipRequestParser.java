package io.reelforge.interfaces.rest;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Turns the fields of a generate request (from JSON or from multipart form parts, where every value is text)
 * into a validated {@link ClipRequest}; each refusal names the field and what it accepts.
 */
final class ClipRequestParser {

    static final long MAX_SEED = 4_294_967_295L;
    private static final SecureRandom SEEDS = new SecureRandom();

    private ClipRequestParser() {
    }

    /**
     * @param fields values as String, Boolean, BigDecimal, or any other object for a JSON value of the wrong kind
     */
    static ClipRequest parse(Map<String, Object> fields, byte[] image) {
        String prompt = prompt(fields);
        String negative = text(fields, "negative_prompt", false);
        if (negative != null && characters(negative) > ClipRequest.MAX_PROMPT) {
            throw ReelforgeException.validation("negative_prompt", "negative_prompt_too_long",
                    "negative_prompt is at most " + ClipRequest.MAX_PROMPT + " characters.");
        }
        String res = text(fields, "resolution", false);
        Resolution resolution = res == null ? Resolution.P1080 : Resolution.fromWire(res.trim()).orElseThrow(() ->
                ReelforgeException.validation("resolution", "unsupported_resolution",
                        "resolution '" + res + "' is not supported; use one of: " + Resolution.supported() + "."));
        String aspect = text(fields, "aspect_ratio", false);
        AspectRatio aspectRatio = aspect == null ? AspectRatio.LANDSCAPE : AspectRatio.fromWire(aspect.trim()).orElseThrow(() ->
                ReelforgeException.validation("aspect_ratio", "unsupported_aspect_ratio",
                        "aspect_ratio '" + aspect + "' is not supported; use one of: " + AspectRatio.supported() + "."));
        Long duration = integer(fields, "duration");
        int seconds = duration == null ? ClipRequest.SUPPORTED_DURATIONS[0] : duration.intValue();
        if (duration != null && Arrays.stream(ClipRequest.SUPPORTED_DURATIONS).noneMatch(d -> d == duration)) {
            throw ReelforgeException.validation("duration", "unsupported_duration",
                    "duration " + duration + " is not supported; clips are " + supportedDurations()
                            + " seconds long (join several clips for longer videos).");
        }
        Boolean cameraFixed = bool(fields, "camera_fixed");
        Long seed = integer(fields, "seed");
        if (seed != null && (seed < 0 || seed > MAX_SEED)) {
            throw ReelforgeException.validation("seed", "invalid_seed", "seed must be an integer from 0 to " + MAX_SEED + ".");
        }
        return new ClipRequest(prompt, negative == null ? "" : negative.trim(), resolution, aspectRatio, seconds,
                cameraFixed != null && cameraFixed, seed != null ? seed : randomSeed(), image);
    }

    /** The required, trimmed prompt: the same rule on both surfaces. */
    static String prompt(Map<String, Object> fields) {
        String prompt = text(fields, "prompt", true);
        if (prompt.isBlank()) {
            throw ReelforgeException.validation("prompt", "prompt_required", "prompt must not be empty.");
        }
        if (characters(prompt) > ClipRequest.MAX_PROMPT) {
            throw ReelforgeException.validation("prompt", "prompt_too_long",
                    "prompt is " + characters(prompt) + " characters; at most " + ClipRequest.MAX_PROMPT + " are allowed.");
        }
        return prompt.trim();
    }

    /** Characters as people count them: code points, so an emoji outside the BMP is one, not two UTF-16 units. */
    static int characters(String s) {
        return s.codePointCount(0, s.length());
    }

    /** A seed for a request without one; echoed back so the clip can be made again. */
    static long randomSeed() {
        return SEEDS.nextLong(MAX_SEED + 1);
    }

    private static String supportedDurations() {
        return Arrays.stream(ClipRequest.SUPPORTED_DURATIONS).mapToObj(String::valueOf).collect(Collectors.joining(", "));
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
