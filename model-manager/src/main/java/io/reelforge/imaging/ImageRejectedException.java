package io.reelforge.imaging;

import java.util.Objects;

/** An upload that will not be decoded, and why; {@link #reason()} is stable for mapping to HTTP statuses. */
public class ImageRejectedException extends Exception {

    /** Why an image was refused. */
    public enum Reason {
        /** Not PNG, JPEG or WebP by its content, or a variant of them that cannot be decoded (e.g. CMYK JPEG). */
        UNSUPPORTED_FORMAT,
        /** More bytes than {@link ImageLimits#maxBytes()}. */
        TOO_LARGE_BYTES,
        /** Declares more pixels, or a longer side, than the limits allow. */
        TOO_MANY_PIXELS,
        /** Looks like a supported format but cannot be read. */
        CORRUPT
    }

    private final Reason reason;

    public ImageRejectedException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ImageRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
