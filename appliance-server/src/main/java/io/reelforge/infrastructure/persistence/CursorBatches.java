package io.reelforge.infrastructure.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.queries.CursoredStream;

/**
 * A whole result read through one database cursor (EclipseLink's {@link CursoredStream}, a forward-only JDBC result
 * set fetched {@code size} rows at a time) and handed on in batches of {@code size}: the database runs the query,
 * and sorts, once however many rows match, where keyset batches (one query each) had it find and sort what was left
 * for every batch (on Derby, whose indexes scan forwards only, a newest-first batch sorted all remaining rows). After
 * each batch the cursor drops what it read and the persistence context is cleared, so memory holds one batch.
 *
 * <p>Needs a transaction (the cursor lives in it; on PostgreSQL the driver only streams with auto-commit off) and
 * the persistence context to itself: everything it held is detached after the first batch.
 */
final class CursorBatches {

    private CursorBatches() {
    }

    /** Runs {@code query} (without a row limit) and hands its rows, each through {@code row}, to {@code action}. */
    static <R> void each(EntityManager em, Query query, int size, Function<Object, R> row, Consumer<List<R>> action) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size " + size);
        }
        query.setHint(QueryHints.CURSOR, HintValues.TRUE).setHint(QueryHints.CURSOR_PAGE_SIZE, size)
                .setHint(QueryHints.JDBC_FETCH_SIZE, size);
        CursoredStream cursor = (CursoredStream) query.getSingleResult();
        try {
            List<R> batch = new ArrayList<>(size);
            while (cursor.hasNext()) {
                batch.add(row.apply(cursor.next()));
                if (batch.size() == size) {
                    action.accept(batch);
                    batch = new ArrayList<>(size);
                    cursor.releasePrevious();
                    em.clear();
                }
            }
            if (!batch.isEmpty()) {
                action.accept(batch);
            }
        } finally {
            cursor.close();
        }
    }
}
