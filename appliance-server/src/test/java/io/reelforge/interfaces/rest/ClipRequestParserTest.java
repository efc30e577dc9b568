package io.reelforge.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

class ClipRequestParserTest {

    /** Request fields as the parsers get them, from name/value pairs. */
    static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsFollowTheReferencePage() {
        ClipRequest r = ClipRequestParser.parse(fields("prompt", "  a sea  "), null);
        assertEquals("a sea", r.prompt());
        assertEquals(Resolution.P1080, r.resolution());
        assertEquals(AspectRatio.LANDSCAPE, r.aspectRatio());
        assertEquals(1920, r.width());
        assertEquals(1080, r.height());
        assertEquals(5, r.durationSeconds());
        assertEquals(120, r.frameCount());
        assertTrue(r.seed() >= 0 && r.seed() <= ClipRequest.MAX_SEED);
    }

    /** Fields as multipart form parts give them: all text. */
    static Map<String, Object> form(Object... kv) {
        Map<String, Object> m = new RequestFields.FormFields();
        m.putAll(fields(kv));
        return m;
    }

    @Test
    void formFieldsAreTextAndStillTyped() {
        ClipRequest r = ClipRequestParser.parse(form("prompt", "p", "resolution", "720p", "duration", "5",
                "camera_fixed", "true", "seed", "42"), null);
        assertEquals(Resolution.P720, r.resolution());
        assertTrue(r.cameraFixed());
        assertEquals(42, r.seed());
        ClipRequest j = ClipRequestParser.parse(fields("prompt", "p", "duration", new BigDecimal("5"), "camera_fixed", false), null);
        assertEquals(5, j.durationSeconds());
    }

    @Test
    void aspectRatiosSetTheFrameAtBothResolutions() {
        int[][] expected = {{1920, 1080}, {1080, 1920}, {1080, 1080}, {1280, 720}, {720, 1280}, {720, 720}};
        int i = 0;
        for (String res : new String[] {"1080p", "720p"}) {
            for (String aspect : new String[] {"16:9", "9:16", "1:1"}) {
                ClipRequest r = ClipRequestParser.parse(fields("prompt", "p", "resolution", res, "aspect_ratio", aspect), null);
                assertEquals(expected[i][0], r.width(), res + " " + aspect);
                assertEquals(expected[i][1], r.height(), res + " " + aspect);
                i++;
            }
        }
    }

    @Test
    void jsonTextIsNotANumberOrABoolean() {
        assertParam("duration", fields("prompt", "p", "duration", "5"));
        assertParam("seed", fields("prompt", "p", "seed", "42"));
        assertParam("camera_fixed", fields("prompt", "p", "camera_fixed", "yes"));
    }

    @Test
    void promptLengthCountsCodePoints() {
        String emoji = "\uD83C\uDFAC"; // one code point, two UTF-16 units
        assertEquals(emoji.repeat(2000), ClipRequestParser.parse(fields("prompt", emoji.repeat(2000)), null).prompt());
        assertParam("prompt", fields("prompt", emoji.repeat(2001)));
    }

    @Test
    void refusalsNameTheField() {
        assertParam("aspect_ratio", fields("prompt", "p", "aspect_ratio", "4:3"));
        assertParam("aspect_ratio", fields("prompt", "p", "aspect_ratio", new BigDecimal("1")));
        assertParam("prompt", fields());
        assertParam("prompt", fields("prompt", "x".repeat(2001)));
        assertParam("resolution", fields("prompt", "p", "resolution", "480p"));
        assertParam("duration", fields("prompt", "p", "duration", new BigDecimal("6")));
        assertParam("duration", fields("prompt", "p", "duration", new BigDecimal("5.5")));
        assertParam("camera_fixed", fields("prompt", "p", "camera_fixed", new BigDecimal("2")));
        assertParam("seed", fields("prompt", "p", "seed", new BigDecimal("4294967296")));
    }

    @Test
    void theFirstBadFieldInReadingOrderIsReported() {
        String tooLong = "x".repeat(2001);
        BigDecimal six = new BigDecimal("6");
        BigDecimal badSeed = new BigDecimal("-1");
        assertCode("prompt", "prompt_too_long", fields("prompt", tooLong, "negative_prompt", tooLong, "duration", six, "seed", badSeed));
        assertCode("prompt", "prompt_required", fields("prompt", " ", "resolution", "480p"));
        assertCode("prompt", "prompt_required", fields("prompt", "\u0001", "seed", badSeed));
        assertCode("negative_prompt", "negative_prompt_too_long",
                fields("prompt", "p", "negative_prompt", tooLong, "resolution", "480p", "duration", six));
        assertCode("resolution", "unsupported_resolution", fields("prompt", "p", "resolution", "480p", "aspect_ratio", "4:3"));
        assertCode("duration", "unsupported_duration", fields("prompt", "p", "duration", six, "camera_fixed", "maybe", "seed", badSeed));
        assertCode("duration", "unsupported_duration", fields("prompt", "p", "duration", new BigDecimal(5L + (1L << 32))));
        assertCode("camera_fixed", "invalid_type", fields("prompt", "p", "camera_fixed", "maybe", "seed", badSeed));
        assertCode("seed", "invalid_seed", fields("prompt", "p", "seed", badSeed));
        ReelforgeException e = assertThrows(ReelforgeException.class,
                () -> ClipRequestParser.parse(fields("prompt", "p", "duration", six), null));
        assertEquals("duration 6 is not supported; clips are 5 seconds long (join several clips for longer videos).", e.getMessage());
    }

    @Test
    void seedBoundsAreKept() {
        assertEquals(0, ClipRequestParser.parse(fields("prompt", "p", "seed", BigDecimal.ZERO), null).seed());
        assertEquals(ClipRequest.MAX_SEED,
                ClipRequestParser.parse(form("prompt", "p", "seed", "4294967295"), null).seed());
        assertCode("seed", "invalid_seed", form("prompt", "p", "seed", "4294967296"));
    }

    private static void assertCode(String param, String code, Map<String, Object> f) {
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> ClipRequestParser.parse(f, null));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(param, e.param());
        assertEquals(code, e.code());
    }

    private static void assertParam(String param, Map<String, Object> f) {
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> ClipRequestParser.parse(f, null));
        assertEquals(ErrorType.VALIDATION, e.type());
        assertEquals(param, e.param());
    }
}
