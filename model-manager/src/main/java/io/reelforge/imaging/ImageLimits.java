package io.reelforge.imaging;

/**
 * How large an upload may be: in bytes, and in decoded size. The pixel limits are what guard memory; an
 * image is 3 bytes a pixel once decoded (4 while decoding), so 40 megapixels is up to 160 MB.
 */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels) {

    public ImageLimits {
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }

    /** 10 MiB, 8192 pixels a side, 40 megapixels. */
    public static ImageLimits defaults() {
        return new ImageLimits(10L * 1024 * 1024, 8192, 8192, 40_000_000L);
    }
}
