package io.reelforge.domain.model.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reelforge.domain.shared.ReelforgeException;

class GenerationQueryTest {

    @Test
    void blanksMeanAnyAndPromptSearchIsCapped() {
        GenerationQuery q = new GenerationQuery(" ", null, "", null, null, null, "x".repeat(500), null);
        assertNull(q.accountId());
        assertNull(q.engine());
        assertEquals(GenerationQuery.MAX_PROMPT_SEARCH, q.promptContains().length());
        assertEquals(List.of(), q.sort());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        Instant t = Instant.parse("2026-12-04T00:00:00Z");
        ReelforgeException e = assertThrows(ReelforgeException.class,
                () -> new GenerationQuery(null, null, null, null, t, t.minusSeconds(1), null, null));
        assertEquals("invalid_date_range", e.code());
    }
}
