package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.reelforge.domain.shared.ErrorType;

/**
 * A stored file streamed with a single byte range when asked ({@code 206}, {@code 416} past the end), for
 * players and resumable downloads. Shared by the signed file URLs and the OpenAI surface's content download.
 */
final class RangedFile {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangedFile() {
    }

    /** The response headers and, when {@code body}, the streamed bytes; the caller adds its own caching headers. */
    static Response.ResponseBuilder serve(Path file, String mediaType, String filename, String range, boolean body)
            throws IOException {
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher r = RANGE.matcher(range.trim());
            if (r.matches() && !(r.group(1).isEmpty() && r.group(2).isEmpty())) {
                try {
                    if (r.group(1).isEmpty()) {
                        start = Math.max(0, size - Long.parseLong(r.group(2)));
                    } else {
                        start = Long.parseLong(r.group(1));
                        end = r.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(r.group(2)));
                    }
                } catch (NumberFormatException e) {
                    start = size; // a number too long for a long is past any end
                }
                if (start >= size || start > end) {
                    return ErrorBody.response(ErrorType.INVALID_REQUEST, "range_not_satisfiable",
                            "The range " + range.trim() + " is outside the file (" + size + " bytes).", null)
                            .status(416).header("Content-Range", "bytes */" + size);
                }
                partial = true;
            }
        }
        long length = end - start + 1;
        Response.ResponseBuilder r = Response.status(partial ? 206 : 200)
                .type(mediaType)
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", length)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"");
        if (partial) {
            r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        if (body) {
            long from = start;
            r.entity((StreamingOutput) out -> copy(file, from, length, out));
        }
        return r;
    }

    private static void copy(Path file, long from, long length, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(from);
            try (InputStream in = Channels.newInputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        }
    }
}
