package io.reelforge.interfaces.rest;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.reelforge.domain.shared.ReelforgeException;

/** A page of a list, newest first; {@code next_cursor} fetches the next one while {@code has_more}. */
@Schema(hidden = true)
public record PageDto<T>(List<T> data, boolean hasMore, String nextCursor) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ReelforgeException.validation("limit", "invalid_limit", "limit must be from 1 to " + MAX_LIMIT + ".");
        }
        return requested;
    }

    /** {@code rows} holds up to {@code size + 1} items; the extra one only says there is more. */
    static <E, T> PageDto<T> of(List<E> rows, int size, Function<E, T> toDto, Function<E, Cursor> cursorOf) {
        boolean more = rows.size() > size;
        List<E> page = more ? rows.subList(0, size) : rows;
        String next = more ? cursorOf.apply(page.get(page.size() - 1)).encode() : null;
        return new PageDto<>(page.stream().map(toDto).toList(), more, next);
    }
}
