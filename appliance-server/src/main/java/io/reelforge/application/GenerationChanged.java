package io.reelforge.application;

/**
 * Fired by every change to a generation after its submission (a transition, or progress when
 * {@code statusChanged} is false); observed after commit to push live status to the clients watching it.
 */
public record GenerationChanged(String generationId, boolean statusChanged) {
}
