/**
 * The engine contract: one {@link io.reelforge.engine.Engine} per way of turning a request into frames
 * (the procedural sandbox, later DJL models). Callers see only this package; engines are found at run
 * time through {@link java.util.ServiceLoader}, so adding one touches no caller.
 */
package io.reelforge.engine;
