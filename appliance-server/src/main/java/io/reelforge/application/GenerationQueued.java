package io.reelforge.application;

/** Fired when a generation joined the queue; observed after commit to wake the dispatcher. */
public record GenerationQueued(String generationId) {
}
