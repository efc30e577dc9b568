package io.reelforge.infrastructure.persistence;

import java.time.LocalDate;

/** A day as a grouping query returns it (a {@code java.sql.Date}, or a timestamp on some drivers). */
final class Days {

    private Days() {
    }

    static LocalDate of(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(String.valueOf(value).substring(0, 10));
    }
}
