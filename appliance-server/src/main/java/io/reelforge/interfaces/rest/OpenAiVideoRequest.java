package io.reelforge.interfaces.rest;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * Reads a {@code POST /v1/videos} body (OpenAI's shape: {@code prompt}, {@code model}, {@code seconds} as a
 * string, {@code size} as {@code WxH}, {@code input_reference}) into the same {@link ClipRequest} the native
 * surface makes. What it cannot honour is refused, never silently changed.
 */
final class OpenAiVideoRequest {

    static final String DEFAULT_SIZE = "1280x720";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    private OpenAiVideoRequest() {
    }

    /**
     * @param engine the engine this caller's key renders with: the one {@code model} it may name
     */
    static ClipRequest parse(Map<String, Object> fields, byte[] inputReference, String engine) {
        String prompt = ClipRequestParser.prompt(fields);
        String model = ClipRequestParser.text(fields, "model", false);
        if (model != null && !model.trim().equals(engine)) {
            throw ReelforgeException.validation("model", "unsupported_model",
                    "model '" + model + "' is not served here; this key renders with '" + engine + "' (or leave model out).");
        }
        if (fields.get("input_reference") != null) {
            throw ReelforgeException.validation("input_reference", "unsupported_input_reference",
                    "input_reference must be an uploaded image file (multipart/form-data), PNG, JPEG or WebP.");
        }
        String seconds = ClipRequestParser.text(fields, "seconds", false);
        int duration = ClipRequest.SUPPORTED_DURATIONS[0];
        if (seconds != null) {
            String s = seconds.trim();
            duration = Arrays.stream(ClipRequest.SUPPORTED_DURATIONS).filter(d -> String.valueOf(d).equals(s)).findFirst()
                    .orElseThrow(() -> ReelforgeException.validation("seconds", "unsupported_seconds",
                            "seconds '" + seconds + "' is not supported; clips are " + supportedSeconds() + " seconds long."));
        }
        String size = ClipRequestParser.text(fields, "size", false);
        AspectRatio.Frame frame = frame(size == null ? DEFAULT_SIZE : size.trim());
        return new ClipRequest(prompt, "", frame.resolution(), frame.aspectRatio(), duration, false,
                ClipRequestParser.randomSeed(), inputReference);
    }

    /**
     * The field a service's refusal names, as this surface calls it: the start image is {@code input_reference},
     * the output size {@code size}.
     */
    static String fieldFor(String nativeParam) {
        if (nativeParam == null) {
            return null;
        }
        return switch (nativeParam) {
            case "image" -> "input_reference";
            case "resolution" -> "size";
            default -> nativeParam;
        };
    }

    private static AspectRatio.Frame frame(String size) {
        Matcher m = SIZE.matcher(size);
        return (m.matches() ? AspectRatio.ofSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                : java.util.Optional.<AspectRatio.Frame>empty())
                .orElseThrow(() -> ReelforgeException.validation("size", "unsupported_size",
                        "size '" + size + "' is not supported; use one of: " + AspectRatio.supportedSizes() + "."));
    }

    private static String supportedSeconds() {
        return Arrays.stream(ClipRequest.SUPPORTED_DURATIONS).mapToObj(d -> "'" + d + "'")
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
