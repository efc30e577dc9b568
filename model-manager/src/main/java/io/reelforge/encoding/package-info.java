/**
 * Turning rendered frames into files: {@link io.reelforge.encoding.Mp4Encoder} streams frames into an
 * H.264/MP4 file through JavaCV's FFmpeg, and {@link io.reelforge.encoding.Mp4Probe} decodes a file back
 * to check what it holds. Nothing here knows about engines beyond the {@code FrameSink} it implements.
 */
package io.reelforge.encoding;
