package io.reelforge.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static io.reelforge.interfaces.rest.ClipRequestParserTest.fields;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.generation.AspectRatio;
import io.reelforge.domain.model.generation.ClipRequest;
import io.reelforge.domain.model.generation.Resolution;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;

class OpenAiVideoRequestTest {

    @Test
    void sizesMapToAResolutionAndAnAspectRatio() {
        ClipRequest d = OpenAiVideoRequest.parse(fields("prompt", " a sea "), null, "sandbox");
        assertEquals("a sea", d.prompt());
        assertEquals(Resolution.P720, d.resolution());
        assertEquals(AspectRatio.LANDSCAPE, d.aspectRatio());
        assertEquals(5, d.durationSeconds());
        ClipRequest portrait = OpenAiVideoRequest.parse(fields("prompt", "p", "size", "1080x1920", "seconds", "5",
                "model", "sandbox"), null, "sandbox");
        assertEquals(Resolution.P1080, portrait.resolution());
        assertEquals(AspectRatio.PORTRAIT, portrait.aspectRatio());
        ClipRequest square = OpenAiVideoRequest.parse(fields("prompt", "p", "size", "720x720"), null, "sandbox");
        assertEquals(720, square.width());
        assertEquals(720, square.height());
    }

    @Test
    void whatCannotBeHonouredIsRefusedNamingTheField() {
        assertRefused("size", "unsupported_size", fields("prompt", "p", "size", "1792x1024"));
        assertRefused("size", "unsupported_size", fields("prompt", "p", "size", "1280 x 720"));
        assertRefused("seconds", "unsupported_seconds", fields("prompt", "p", "seconds", "4"));
        assertRefused("seconds", "invalid_type", fields("prompt", "p", "seconds", new BigDecimal("5")));
        assertRefused("model", "unsupported_model", fields("prompt", "p", "model", "sora-2"));
        assertRefused("input_reference", "unsupported_input_reference",
                fields("prompt", "p", "input_reference", "https://example.com/a.png"));
        assertRefused("prompt", "prompt_required", fields("size", "1280x720"));
    }

    @Test
    void aServicesRefusalNamesTheFieldAsThisSurfaceCallsIt() {
        assertEquals("input_reference", OpenAiVideoRequest.fieldFor("image"));
        assertEquals("size", OpenAiVideoRequest.fieldFor("resolution"));
        assertEquals("prompt", OpenAiVideoRequest.fieldFor("prompt"));
        assertEquals(null, OpenAiVideoRequest.fieldFor(null));
    }

    private static void assertRefused(String param, String code, Map<String, Object> f) {
        ReelforgeException e = assertThrows(ReelforgeException.class, () -> OpenAiVideoRequest.parse(f, null, "sandbox"));
        assertEquals(param, e.param());
        assertEquals(code, e.code());
        assertEquals(ErrorType.VALIDATION, e.type());
    }

    @Test
    void preferWaitIsReadFromAnyPositionAndCappedAtSixtySeconds() {
        assertEquals(0, LiveEvents.waitSeconds(null));
        assertEquals(0, LiveEvents.waitSeconds("respond-async"));
        assertEquals(10, LiveEvents.waitSeconds("wait=10"));
        assertEquals(5, LiveEvents.waitSeconds("respond-async, wait=5"));
        assertEquals(7, LiveEvents.waitSeconds("handling=lenient; Wait = \"7\""));
        assertEquals(60, LiveEvents.waitSeconds("wait=600"));
        assertEquals(60, LiveEvents.waitSeconds("wait=999999999"));
        assertEquals(0, LiveEvents.waitSeconds("nowait=5"));
    }
}
