package io.reelforge.application.console;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads a whole result set in keyset batches (newest first), so an export never holds more than one batch. */
final class Batches {

    /** Rows read per query. */
    static final int SIZE = 500;

    private Batches() {
    }

    /** {@code after} answers up to {@link #SIZE} rows after the given one (null: from the start). */
    static <T> void each(Function<T, List<T>> after, Consumer<List<T>> action) {
        T last = null;
        List<T> batch;
        do {
            batch = after.apply(last);
            action.accept(batch);
            if (!batch.isEmpty()) {
                last = batch.get(batch.size() - 1);
            }
        } while (batch.size() == SIZE);
    }
}
