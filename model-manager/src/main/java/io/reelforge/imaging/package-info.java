/**
 * Safe decoding of user uploads for image-to-video: {@link io.reelforge.imaging.ImageInput} accepts PNG,
 * JPEG and WebP by their magic bytes, checks the declared size against {@link io.reelforge.imaging.ImageLimits}
 * before any pixel is decoded, and refuses with a stable {@link io.reelforge.imaging.ImageRejectedException.Reason}.
 */
package io.reelforge.imaging;
