package io.reelforge.engine;

/**
 * The caller's side of a running render: progress goes out, cancellation and time limits come in.
 */
public interface RenderControl {

    /**
     * Reports progress (0..1) and stops the render by throwing when the caller has cancelled it or its
     * time limit has passed.
     */
    void checkpoint(double progress) throws RenderCancelledException;

    /** A control that never cancels; for tools and benchmarks. */
    static RenderControl unlimited() {
        return progress -> { };
    }
}
