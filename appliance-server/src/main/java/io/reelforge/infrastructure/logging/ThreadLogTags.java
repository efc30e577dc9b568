package io.reelforge.infrastructure.logging;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.application.ops.LogTags;

/** The application's log tags, kept in this thread's {@link LogContext}. */
@ApplicationScoped
public class ThreadLogTags implements LogTags {

    @Override
    public void clear() {
        LogContext.clear();
    }

    @Override
    public void generation(String generationId) {
        LogContext.put(LogContext.GENERATION_ID, generationId);
    }
}
