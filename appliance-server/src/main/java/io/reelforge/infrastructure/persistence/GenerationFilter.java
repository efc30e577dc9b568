package io.reelforge.infrastructure.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.TypedQuery;

import io.reelforge.domain.model.generation.GenerationQuery;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * A {@link GenerationQuery} as JPQL over {@code Generation g} (and {@code Account a} for the account's name):
 * the where clause with named parameters, and an order from a fixed list of paths, never from the caller's text.
 */
final class GenerationFilter {

    private static final Map<GenerationQuery.Field, String> PATHS = Map.of(
            GenerationQuery.Field.CREATED, "g.createdAt", GenerationQuery.Field.ID, "g.id",
            GenerationQuery.Field.ACCOUNT, "a.name", GenerationQuery.Field.STATUS, "g.status",
            GenerationQuery.Field.PROMPT, "g.prompt", GenerationQuery.Field.RESOLUTION, "g.resolution",
            GenerationQuery.Field.DURATION, "g.durationSeconds", GenerationQuery.Field.ENGINE, "g.engine",
            GenerationQuery.Field.CREDITS, creditsSpent(), GenerationQuery.Field.FINISHED, "g.finishedAt");

    /** {@link io.reelforge.domain.model.generation.Generation#creditsSpent()} in JPQL, so the console sorts by what it shows. */
    static String creditsSpent() {
        return "case when g.status in (" + java.util.Arrays.stream(GenerationStatus.values()).filter(GenerationStatus::refunded)
                .map(s -> GenerationStatus.class.getName() + "." + s.name()).collect(Collectors.joining(", "))
                + ") then 0 else g.creditsCharged end";
    }

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    GenerationFilter(GenerationQuery q) {
        add("g.accountId = :account", "account", q.accountId());
        add("g.status = :status", "status", q.status());
        add("g.engine = :engine", "engine", q.engine());
        add("g.resolution = :resolution", "resolution", q.resolution());
        add("g.createdAt >= :from", "from", q.from());
        add("g.createdAt < :to", "to", q.to());
        add("lower(g.prompt) like :prompt escape '\\'", "prompt", q.promptContains() == null ? null
                : "%" + escapeLike(q.promptContains().toLowerCase(Locale.ROOT)) + "%");
    }

    /** The conditions, each starting with " and ", or empty for everything. */
    String where() {
        return where.toString();
    }

    void bind(TypedQuery<?> query) {
        parameters.forEach(query::setParameter);
    }

    /** The asked order, then newest first and the id, so equal keys still page in a fixed order. */
    static String orderBy(List<GenerationQuery.Sort> sort) {
        String asked = sort.stream().map(s -> PATHS.get(s.field()) + (s.ascending() ? " asc" : " desc"))
                .collect(Collectors.joining(", "));
        return (asked.isEmpty() ? "" : asked + ", ") + "g.createdAt desc, g.id desc";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private void add(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }
}
