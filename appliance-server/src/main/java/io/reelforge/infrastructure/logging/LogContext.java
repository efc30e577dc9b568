package io.reelforge.infrastructure.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids that every log line of the current thread carries (request_id, generation_id), like an MDC: set them
 * for a scope with try-with-resources and they are gone when it closes, also on a pooled thread.
 */
public final class LogContext {

    public static final String REQUEST_ID = "request_id";
    public static final String GENERATION_ID = "generation_id";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(LinkedHashMap::new);

    private LogContext() {
    }

    /** Sets a value until the returned scope closes, which puts back what was there before. */
    public static Scope put(String key, String value) {
        Map<String, String> m = CURRENT.get();
        String previous = value == null ? m.remove(key) : m.put(key, value);
        return () -> {
            if (previous == null) {
                m.remove(key);
            } else {
                m.put(key, previous);
            }
        };
    }

    /** Empties the context of this thread: a pooled thread starts each request or job clean. */
    public static void clear() {
        CURRENT.get().clear();
    }

    public static String get(String key) {
        return CURRENT.get().get(key);
    }

    static Map<String, String> snapshot() {
        Map<String, String> m = CURRENT.get();
        return m.isEmpty() ? Collections.emptyMap() : new LinkedHashMap<>(m);
    }

    /** A scope that restores the context; closing it throws nothing. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
