package io.reelforge.application;

/** This node's render threads, as dispatch sees them. Implemented by the job scheduler. */
public interface JobQueue {

    /** Whether the job runner is up (not yet started, or stopping, it takes nothing). */
    boolean isRunning();

    /** Runs the render of a job this node claimed now, on a render thread of this node. */
    void scheduleRender(String generationId, int attempt);
}
