/**
 * The {@code remote} engine: renders on upstream GPU servers (vLLM-Omni, SGLang Diffusion, FastVideo, another
 * Reelforge) through their OpenAI-style {@code /v1/videos}, chosen by free capacity and health, and converts what
 * they return to the appliance's clip (H.264, 24 fps, the requested size and frame count).
 */
package io.reelforge.remote;
