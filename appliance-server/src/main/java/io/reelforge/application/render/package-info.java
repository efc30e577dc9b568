/**
 * The render use case: a claimed job rendered by its engine, its frames encoded into the clip, the outcome handed
 * to the lifecycle (complete, fail and refund, hand back), progress and stop requests crossing at every frame.
 * It depends on the domain, the lifecycle and the ports declared here and in {@code application}; the render
 * threads of infrastructure run it and decide nothing.
 */
package io.reelforge.application.render;
