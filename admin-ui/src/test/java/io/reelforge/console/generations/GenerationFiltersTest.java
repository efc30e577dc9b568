package io.reelforge.console.generations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationStatus;

/** The generations filters without a browser or a server: set the fields, read the query they make. */
class GenerationFiltersTest {

    private GenerationFilters filters;
    private final AtomicReference<GenerationQuery> changed = new AtomicReference<>();

    @BeforeEach
    void filters() {
        filters = new GenerationFilters(null, List.of("djl", "sandbox"));
        filters.addChangeListener(changed::set);
    }

    @Test
    void nothingChosenIsEverything() {
        assertEquals(GenerationQuery.all(), filters.query());
    }

    @Test
    void eachFieldNarrowsTheQueryAndTheDaysAreWholeUtcDays() {
        filters.status.setValue("failed");
        filters.engine.setValue("sandbox");
        filters.resolution.setValue("1080p");
        filters.prompt.setValue("harbour");
        filters.from.setValue(LocalDate.of(2026, 12, 1));
        filters.to.setValue(LocalDate.of(2026, 12, 3));
        GenerationQuery q = changed.get();
        assertEquals(GenerationStatus.FAILED, q.status());
        assertEquals("sandbox", q.engine());
        assertEquals("1080p", q.resolution());
        assertEquals("harbour", q.promptContains());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), q.to(), "the last day is included");
        assertNull(q.accountId());
        filters.engine.setValue(GenerationFilters.ANY);
        assertNull(changed.get().engine(), "any is no filter");
    }

    @Test
    void aRangeEndingBeforeItStartsIsMarkedAndNotApplied() {
        filters.to.setValue(LocalDate.of(2026, 12, 1));
        GenerationQuery before = changed.get();
        filters.from.setValue(LocalDate.of(2026, 12, 5));
        assertSame(before, changed.get(), "the grid keeps its last good query");
        assertTrue(filters.to.isInvalid());
    }
}
