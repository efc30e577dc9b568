package io.reelforge.domain.model.generation;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import io.reelforge.domain.shared.ReelforgeException;

/**
 * What the caller asked for; it cannot be built invalid. {@code prompt} is trimmed and not blank,
 * {@code negativePrompt} trimmed and never null (empty for none), both at most {@link #MAX_PROMPT} characters;
 * {@code durationSeconds} is one of {@link #SUPPORTED_DURATIONS}; {@code seed} is always set, from 0 to
 * {@link #MAX_SEED}: a request without one gets a random seed that is echoed back, so any clip can be made again.
 * {@code image} is an uploaded start image, already checked, or null.
 *
 * <p>The static checks are the rules themselves: the compact constructor runs each of them, and the REST surfaces
 * call them as they read each field, so a refusal names the first bad field in the order the fields are read.
 */
public record ClipRequest(String prompt, String negativePrompt, Resolution resolution, AspectRatio aspectRatio,
                          int durationSeconds, boolean cameraFixed, long seed, byte[] image) {

    public static final int FPS = 24;
    public static final int[] SUPPORTED_DURATIONS = {5};
    public static final int MAX_PROMPT = 2000;
    public static final long MAX_SEED = 4_294_967_295L;

    public ClipRequest {
        prompt = checkPrompt(prompt);
        negativePrompt = checkNegativePrompt(negativePrompt);
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        checkDuration(durationSeconds);
        checkSeed(seed);
    }

    /**
     * The prompt as stored: not blank (nor empty once trimmed, so control characters alone are refused too), at
     * most {@link #MAX_PROMPT} characters counted before trimming, then trimmed.
     *
     * @throws ReelforgeException {@code prompt_required} or {@code prompt_too_long}
     */
    public static String checkPrompt(String prompt) {
        if (prompt == null || prompt.isBlank() || prompt.trim().isEmpty()) {
            throw ReelforgeException.validation("prompt", "prompt_required", "prompt must not be empty.");
        }
        int characters = characters(prompt);
        if (characters > MAX_PROMPT) {
            throw ReelforgeException.validation("prompt", "prompt_too_long",
                    "prompt is " + characters + " characters; at most " + MAX_PROMPT + " are allowed.");
        }
        return prompt.trim();
    }

    /**
     * The negative prompt as stored: empty for none, at most {@link #MAX_PROMPT} characters counted before
     * trimming, then trimmed.
     *
     * @throws ReelforgeException {@code negative_prompt_too_long}
     */
    public static String checkNegativePrompt(String negativePrompt) {
        if (negativePrompt == null) {
            return "";
        }
        if (characters(negativePrompt) > MAX_PROMPT) {
            throw ReelforgeException.validation("negative_prompt", "negative_prompt_too_long",
                    "negative_prompt is at most " + MAX_PROMPT + " characters.");
        }
        return negativePrompt.trim();
    }

    /**
     * A clip length in {@link #SUPPORTED_DURATIONS}; a {@code long} so that a value past {@code int} is refused,
     * not wrapped.
     *
     * @throws ReelforgeException {@code unsupported_duration}
     */
    public static int checkDuration(long seconds) {
        if (Arrays.stream(SUPPORTED_DURATIONS).noneMatch(d -> d == seconds)) {
            throw ReelforgeException.validation("duration", "unsupported_duration",
                    "duration " + seconds + " is not supported; clips are " + supportedDurations()
                            + " seconds long (join several clips for longer videos).");
        }
        return (int) seconds;
    }

    /**
     * A seed from 0 to {@link #MAX_SEED} (an unsigned 32-bit integer, what the engines take).
     *
     * @throws ReelforgeException {@code invalid_seed}
     */
    public static long checkSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw ReelforgeException.validation("seed", "invalid_seed", "seed must be an integer from 0 to " + MAX_SEED + ".");
        }
        return seed;
    }

    /** Characters as people count them: code points, so an emoji outside the BMP is one, not two UTF-16 units. */
    public static int characters(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The supported durations for a message, for example {@code 5} or {@code 5, 10}. */
    public static String supportedDurations() {
        return Arrays.stream(SUPPORTED_DURATIONS).mapToObj(String::valueOf).collect(Collectors.joining(", "));
    }

    public int width() {
        return aspectRatio.width(resolution);
    }

    public int height() {
        return aspectRatio.height(resolution);
    }

    public int frameCount() {
        return durationSeconds * FPS;
    }

    public boolean hasImage() {
        return image != null;
    }
}
