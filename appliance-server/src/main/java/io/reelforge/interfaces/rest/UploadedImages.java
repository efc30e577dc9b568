package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.imaging.ImageInput;
import io.reelforge.imaging.ImageLimits;
import io.reelforge.imaging.ImageRejectedException;
import io.reelforge.infrastructure.config.Settings;

/**
 * Reads and checks an uploaded start image: size-capped while reading, format sniffed from the bytes (never
 * the file name), dimensions checked from the header before any pixel is decoded.
 */
@ApplicationScoped
public class UploadedImages {

    @Inject
    Settings settings;

    public ImageLimits limits() {
        return new ImageLimits(settings.uploadMaxBytes(), settings.uploadMaxSide(), settings.uploadMaxSide(),
                settings.uploadMaxPixels());
    }

    /** The part's bytes once checked; refusals name the part ({@code image}, or {@code input_reference}). */
    public byte[] read(EntityPart part) throws IOException {
        String field = part.getName();
        long max = settings.uploadMaxBytes();
        byte[] data;
        try (InputStream in = part.getContent()) {
            data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (data.length > max) {
            throw new ReelforgeException(ErrorType.PAYLOAD_TOO_LARGE, "image_too_large",
                    field + " is larger than " + max + " bytes.", field);
        }
        if (data.length == 0) {
            throw ReelforgeException.validation(field, "image_empty", field + " is an empty file.");
        }
        try {
            ImageInput.decode(data, limits());
        } catch (ImageRejectedException e) {
            throw switch (e.reason()) {
                case UNSUPPORTED_FORMAT -> new ReelforgeException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "image_unsupported_format",
                        field + " must be PNG, JPEG or WebP.", field);
                case TOO_LARGE_BYTES -> new ReelforgeException(ErrorType.PAYLOAD_TOO_LARGE, "image_too_large",
                        field + " is larger than " + max + " bytes.", field);
                case TOO_MANY_PIXELS -> ReelforgeException.validation(field, "image_too_many_pixels",
                        field + " is too large: at most " + settings.uploadMaxSide() + " pixels a side and "
                                + settings.uploadMaxPixels() + " pixels in all. " + e.getMessage());
                case CORRUPT -> ReelforgeException.validation(field, "image_corrupt",
                        field + " could not be decoded: " + e.getMessage());
            };
        }
        return data;
    }
}
