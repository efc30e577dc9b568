/** The engines (found on the class path) and the render runner that feeds one engine's frames to the encoder. */
package io.reelforge.infrastructure.engine;
