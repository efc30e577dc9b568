package io.reelforge.interfaces.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;

/**
 * Caps request bodies before anything reads them: a JSON body at {@code reelforge.request.max-json-bytes}, a
 * multipart body at the upload limit plus room for the form fields (the model package limit on the admin API's
 * import). A declared length over the cap is refused
 * at once; a body without one is cut off where it passes the cap.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimitFilter implements ContainerRequestFilter {

    private static final long FORM_FIELDS_ALLOWANCE = 256 * 1024;
    private static final String MODEL_UPLOADS = "v1/admin/models";

    /** Thrown from inside the body stream; mapped to 413. */
    public static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("The request body is larger than this endpoint accepts (" + limit + " bytes).");
        }
    }

    @Inject
    Settings settings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null) {
            throw new ReelforgeException(ErrorType.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "The request has a body but no Content-Type: send application/json, or multipart/form-data "
                            + "where the endpoint takes a file (a start image, a model package).");
        }
        long limit = !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) ? settings.maxJsonBytes()
                : (isModelUpload(request) ? settings.modelUploadMaxBytes() : settings.uploadMaxBytes())
                        + FORM_FIELDS_ALLOWANCE;
        if (request.getLength() > limit) {
            throw new ReelforgeException(ErrorType.PAYLOAD_TOO_LARGE, "request_too_large",
                    "The request body is " + request.getLength() + " bytes; this endpoint accepts at most " + limit + ".");
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    private static boolean isModelUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return (path.startsWith("/") ? path.substring(1) : path).equals(MODEL_UPLOADS);
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
