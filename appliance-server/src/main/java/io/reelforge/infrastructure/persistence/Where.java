package io.reelforge.infrastructure.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Query;

/** A JPQL where clause built from optional filters, its parameters bound by name (never pasted into the text). */
final class Where {

    private final StringBuilder clause = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    Where and(String condition, String name, Object value) {
        if (value != null) {
            add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** {@code fields} contain the text, ignoring case; {@code %} and {@code _} in it match themselves. */
    Where contains(String name, String text, String... fields) {
        if (text == null || text.isBlank()) {
            return this;
        }
        StringBuilder any = new StringBuilder("(");
        for (int i = 0; i < fields.length; i++) {
            any.append(i == 0 ? "" : " or ").append("lower(").append(fields[i]).append(") like :").append(name)
                    .append(" escape '\\'");
        }
        add(any.append(')').toString());
        parameters.put(name, "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%");
        return this;
    }

    private void add(String condition) {
        clause.append(clause.isEmpty() ? " where " : " and ").append(condition);
    }

    @Override
    public String toString() {
        return clause.toString();
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
