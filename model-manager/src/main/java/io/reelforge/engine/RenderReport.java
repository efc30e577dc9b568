package io.reelforge.engine;

/**
 * What an engine actually did for one render, echoed in the status response.
 *
 * @param model        the model name, or the engine id where there is no model
 * @param modelVersion the model version, or null
 * @param nativeWidth  the size the engine produced before any resize
 * @param steps        sampling steps, 0 where the engine does not sample
 */
public record RenderReport(String model, String modelVersion, int nativeWidth, int nativeHeight, int steps, boolean upscaled) {
}
