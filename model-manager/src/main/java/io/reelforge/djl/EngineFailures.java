package io.reelforge.djl;

import io.reelforge.engine.RenderException;
import java.util.Locale;

/**
 * Turns what libtorch throws into the appliance's render error codes. Out-of-memory is told apart because
 * the user can act on it (a smaller size, a shorter clip, fewer concurrent renders); anything else is a
 * failed render with the engine's own message kept as the cause.
 */
final class EngineFailures {

    private EngineFailures() {
    }

    static RenderException translate(RuntimeException e) {
        if (isOutOfMemory(e.getMessage())) {
            return new RenderException("render.oom", "the model ran out of memory: " + firstLine(e.getMessage()), e);
        }
        return new RenderException("render.failed", "the model failed: " + firstLine(e.getMessage()), e);
    }

    static RenderException outOfMemory(OutOfMemoryError e) {
        return new RenderException("render.oom", "the Java heap ran out of memory while rendering", e);
    }

    static boolean isOutOfMemory(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        // CUDA: "CUDA out of memory"; CPU allocator: "DefaultCPUAllocator: not enough memory"
        return m.contains("out of memory") || m.contains("not enough memory");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
