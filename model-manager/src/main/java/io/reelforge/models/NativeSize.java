package io.reelforge.models;

/** A width x height a model was trained at. */
public record NativeSize(int width, int height) {

    public NativeSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("native size must be positive: " + width + "x" + height);
        }
    }

    double aspect() {
        return width / (double) height;
    }

    long area() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
