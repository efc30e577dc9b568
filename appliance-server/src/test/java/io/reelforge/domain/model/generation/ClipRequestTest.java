package io.reelforge.domain.model.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

class ClipRequestTest {

    private static final String EMOJI = "\uD83C\uDFAC"; // one code point, two UTF-16 units

    private static ClipRequest clip(String prompt, String negative, int duration, long seed) {
        return new ClipRequest(prompt, negative, Resolution.P720, AspectRatio.LANDSCAPE, duration, false, seed, null);
    }

    private static ReelforgeException refused(String param, String code, Executable build) {
        ReelforgeException e = assertThrows(ReelforgeException.class, build);
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(param, e.param());
        assertEquals(code, e.code());
        return e;
    }

    @Test
    void promptIsTrimmedAndCountedInCodePointsBeforeTrimming() {
        assertEquals("a sea", clip("  a sea \n", "", 5, 7).prompt());
        assertEquals(EMOJI.repeat(2000), clip(EMOJI.repeat(2000), "", 5, 7).prompt());
        assertEquals(EMOJI.repeat(2000), ClipRequest.checkPrompt(EMOJI.repeat(2000)));
        ReelforgeException e = refused("prompt", "prompt_too_long", () -> clip(EMOJI.repeat(2001), "", 5, 7));
        assertEquals("prompt is 2001 characters; at most 2000 are allowed.", e.getMessage());
        refused("prompt", "prompt_too_long", () -> ClipRequest.checkPrompt("x".repeat(2001)));
        // 2000 characters and a trailing space: the rule counts what was sent, before trimming
        refused("prompt", "prompt_too_long", () -> ClipRequest.checkPrompt("x".repeat(2000) + " "));
    }

    @Test
    void promptMustNotBeEmptyOrBlank() {
        for (String blank : new String[] {null, "", " ", " \t\n ", "\u0001\u0002"}) {
            ReelforgeException e = refused("prompt", "prompt_required", () -> clip(blank, "", 5, 7));
            assertEquals("prompt must not be empty.", e.getMessage());
            refused("prompt", "prompt_required", () -> ClipRequest.checkPrompt(blank));
        }
    }

    @Test
    void negativePromptIsTrimmedNeverNullAndAtMost2000CodePoints() {
        assertEquals("", clip("p", null, 5, 7).negativePrompt());
        assertEquals("blur", clip("p", " blur ", 5, 7).negativePrompt());
        assertEquals(EMOJI.repeat(2000), clip("p", EMOJI.repeat(2000), 5, 7).negativePrompt());
        ReelforgeException e = refused("negative_prompt", "negative_prompt_too_long",
                () -> clip("p", EMOJI.repeat(2001), 5, 7));
        assertEquals("negative_prompt is at most 2000 characters.", e.getMessage());
        refused("negative_prompt", "negative_prompt_too_long", () -> ClipRequest.checkNegativePrompt("x".repeat(2001)));
    }

    @Test
    void durationIsOneOfTheSupportedOnes() {
        for (int d : ClipRequest.SUPPORTED_DURATIONS) {
            assertEquals(d, clip("p", "", d, 7).durationSeconds());
            assertEquals(d, ClipRequest.checkDuration(d));
        }
        for (long d : new long[] {0, -5, 4, 6, 10, 5L + (1L << 32)}) {
            ReelforgeException e = refused("duration", "unsupported_duration", () -> ClipRequest.checkDuration(d));
            assertEquals("duration " + d + " is not supported; clips are 5 seconds long (join several clips for longer videos).",
                    e.getMessage());
        }
        refused("duration", "unsupported_duration", () -> clip("p", "", 6, 7));
        refused("duration", "unsupported_duration", () -> clip("p", "", 0, 7));
    }

    @Test
    void seedIsAnUnsigned32BitInteger() {
        assertEquals(0, clip("p", "", 5, 0).seed());
        assertEquals(4_294_967_295L, clip("p", "", 5, 4_294_967_295L).seed());
        assertEquals(4_294_967_295L, ClipRequest.checkSeed(ClipRequest.MAX_SEED));
        for (long seed : new long[] {-1, 4_294_967_296L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            ReelforgeException e = refused("seed", "invalid_seed", () -> clip("p", "", 5, seed));
            assertEquals("seed must be an integer from 0 to 4294967295.", e.getMessage());
        }
    }

    @Test
    void theFirstBrokenRuleInFieldOrderIsTheOneReported() {
        refused("prompt", "prompt_required", () -> clip(" ", EMOJI.repeat(2001), 6, -1));
        refused("negative_prompt", "negative_prompt_too_long", () -> clip("p", EMOJI.repeat(2001), 6, -1));
        refused("duration", "unsupported_duration", () -> clip("p", "", 6, -1));
    }

    @Test
    void resolutionAndAspectRatioAreRequired() {
        assertThrows(NullPointerException.class,
                () -> new ClipRequest("p", "", null, AspectRatio.LANDSCAPE, 5, false, 7, null));
        assertThrows(NullPointerException.class,
                () -> new ClipRequest("p", "", Resolution.P720, null, 5, false, 7, null));
    }
}
