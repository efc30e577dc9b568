/**
 * A generation: one requested clip and its life from queued to a terminal state. The entity owns the state
 * machine; {@link io.reelforge.application.RenderLifecycle} is the one component that drives it.
 */
package io.reelforge.domain.model.generation;
