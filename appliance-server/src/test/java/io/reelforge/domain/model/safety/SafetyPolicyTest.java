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
    void doesNotMatchInsideOtherWords() {
        assertTrue(policy.violation("Gorecki's symphony in a gorge").isEmpty());
        assertTrue(policy.violation((String) null).isEmpty());
    }
}
