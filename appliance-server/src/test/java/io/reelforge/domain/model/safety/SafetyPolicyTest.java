package io.reelforge.domain.model.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SafetyPolicyTest {

    private final SafetyPolicy policy = new SafetyPolicy(List.of(
            new SafetyTerm("violence.graphic", "gore", Instant.EPOCH),
            new SafetyTerm("self_harm", "Self-Harm", Instant.EPOCH)));

    @Test
    void matchesWholeWordsAfterFolding() {
        assertEquals(Optional.of("violence.graphic"), policy.violation("A GORE-soaked battlefield"));
        assertEquals(Optional.of("violence.graphic"), policy.violation("gōre!"));
        assertEquals(Optional.of("self_harm"), policy.violation("scenes of self   harm"));
        assertEquals(Optional.of("self_harm"), policy.violation("fine", "self-harm in the negative prompt"));
    }

    @Test
    void invisibleCharactersLookAlikesAndStyledLettersDoNotHideATerm() {
        assertEquals(Optional.of("violence.graphic"), policy.violation("g\u200bore"));
        assertEquals(Optional.of("violence.graphic"), policy.violation("g\u200d\u2060o\u00adre"));
        assertEquals(Optional.of("violence.graphic"), policy.violation("g\u043er\u0435")); // Cyrillic о and е
        assertEquals(Optional.of("violence.graphic"), policy.violation("G\u039fRE")); // Greek capital omicron
        assertEquals(Optional.of("violence.graphic"), policy.violation("\uFF47\uFF4F\uFF52\uFF45")); // full-width
        assertEquals(Optional.of("violence.graphic"), policy.violation("\uD835\uDC20\uD835\uDC28\uD835\uDC2B\uD835\uDC1E")); // bold
        assertEquals(Optional.of("violence.graphic"), policy.violation("g\u0301o\u0308r\u0327e"));
        assertEquals(Optional.of("self_harm"), policy.violation("SELF\u200B-\u200BHARM"));
    }

    @Test
    void doesNotMatchInsideOtherWords() {
        assertTrue(policy.violation("Gorecki's symphony in a gorge").isEmpty());
        assertTrue(policy.violation((String) null).isEmpty());
    }
}
