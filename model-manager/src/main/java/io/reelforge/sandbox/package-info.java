/**
 * The sandbox engine: a procedural, CPU-only stand-in for a video model. It reads keywords from the prompt
 * ({@link io.reelforge.sandbox.ScenePlan}), builds a stack of parallax layers for one render
 * ({@link io.reelforge.sandbox.SceneComposer}) and paints each frame with Java2D. With a start image it
 * animates that image instead ({@link io.reelforge.sandbox.ImageScene}).
 *
 * <p>Everything a render needs is built per render from the seed and the prompt, so the same request gives
 * the same bytes and renders on several threads never share state.
 */
package io.reelforge.sandbox;
