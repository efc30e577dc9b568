package io.reelforge.encoding;

import java.io.IOException;

/** An MP4 file could not be written or read: no usable H.264 encoder, a codec error, or a disk problem. */
public class EncodingException extends IOException {

    public EncodingException(String message) {
        super(message);
    }

    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
