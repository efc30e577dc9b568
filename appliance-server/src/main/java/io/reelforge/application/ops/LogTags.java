package io.reelforge.application.ops;

/**
 * The ids this thread's log lines carry (the generation a job or request works on). Implemented by the logging
 * adapter.
 */
public interface LogTags {

    /** Empties this thread's tags: a pooled thread starts each job clean. */
    void clear();

    /** Tags this thread's log lines with the generation. */
    void generation(String generationId);
}
