package io.reelforge.domain.model.generation;

import java.time.Instant;
import java.util.List;

/**
 * Which generations the console lists or exports, and in what order: each filter is optional (null for any),
 * {@code from} inclusive and {@code to} exclusive, {@code promptContains} matched case-insensitively. The order
 * always ends with the newest first, so pages are stable whatever is asked.
 */
public record GenerationQuery(String accountId, GenerationStatus status, String engine, String resolution,
                              Instant from, Instant to, String promptContains, List<Sort> sort) {

    /** The longest prompt text searched for: enough to find a clip, short enough to keep LIKE cheap. */
    public static final int MAX_PROMPT_SEARCH = 200;

    /** The columns one may sort by. */
    public enum Field { CREATED, ID, ACCOUNT, STATUS, PROMPT, RESOLUTION, DURATION, ENGINE, CREDITS, FINISHED }

    public record Sort(Field field, boolean ascending) {
    }

    public GenerationQuery {
        accountId = blankToNull(accountId);
        engine = blankToNull(engine);
        resolution = blankToNull(resolution);
        promptContains = blankToNull(promptContains);
        if (promptContains != null && promptContains.length() > MAX_PROMPT_SEARCH) {
            promptContains = promptContains.substring(0, MAX_PROMPT_SEARCH);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw io.reelforge.domain.shared.ReelforgeException.validation("to", "invalid_date_range",
                    "The date range ends before it starts.");
        }
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** Everything, newest first. */
    public static GenerationQuery all() {
        return new GenerationQuery(null, null, null, null, null, null, null, List.of());
    }

    public GenerationQuery sortedBy(List<Sort> order) {
        return new GenerationQuery(accountId, status, engine, resolution, from, to, promptContains, order);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
