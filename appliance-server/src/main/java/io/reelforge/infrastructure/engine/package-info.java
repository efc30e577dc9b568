/**
 * The engines (found on the class path) behind the application's engine catalog, and the MP4 encoder behind its
 * clip encoder.
 */
package io.reelforge.infrastructure.engine;
