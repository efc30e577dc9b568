package io.reelforge.interfaces.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.reelforge.application.GenerationService;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.storage.UrlSigner;

/**
 * {@code /v1/files/<id>.mp4?expires=..&signature=..}: the clips, behind signed expiring URLs, with single
 * byte ranges for players and resumable downloads.
 */
@jakarta.ws.rs.Path("v1/files")
public class FileResource {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.mp4");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    @Inject
    UrlSigner signer;

    @Inject
    GenerationService generations;

    @Inject
    Clock clock;

    /** The path a signed output URL points at; the console signs the same paths for its video player. */
    public static String pathOf(String generationId) {
        return "/v1/files/" + generationId + ".mp4";
    }

    @GET
    @jakarta.ws.rs.Path("{name}")
    public Response get(@PathParam("name") String name, @QueryParam("expires") String expires,
                        @QueryParam("signature") String signature, @HeaderParam("Range") String range) throws IOException {
        return serve(name, expires, signature, range, true);
    }

    @HEAD
    @jakarta.ws.rs.Path("{name}")
    public Response head(@PathParam("name") String name, @QueryParam("expires") String expires,
                         @QueryParam("signature") String signature, @HeaderParam("Range") String range) throws IOException {
        return serve(name, expires, signature, range, false);
    }

    private Response serve(String name, String expires, String signature, String range, boolean body) throws IOException {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw ReelforgeException.notFound("file", name);
        }
        long exp;
        try {
            exp = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReelforgeException(ErrorType.PERMISSION, "url_signature_invalid",
                    "This file URL is not signed. Get a fresh output_url from GET /v1/video/{id}.");
        }
        switch (signer.verify(pathOf(m.group(1)), exp, signature, clock.instant())) {
            case BAD_SIGNATURE -> throw new ReelforgeException(ErrorType.PERMISSION, "url_signature_invalid",
                    "This file URL's signature does not match. Get a fresh output_url from GET /v1/video/{id}.");
            case EXPIRED -> {
                // A genuine URL past its time: if the clip itself is gone, say so (410) rather than "expired link".
                generations.output(m.group(1));
                throw new ReelforgeException(ErrorType.PERMISSION, "url_expired",
                        "This file URL has expired. Get a fresh output_url from GET /v1/video/{id}.");
            }
            case VALID -> { }
        }
        Path file = generations.output(m.group(1));
        long size = Files.size(file);
        long start = 0;
        long end = size - 1;
        boolean partial = false;
        if (range != null) {
            Matcher r = RANGE.matcher(range.trim());
            if (r.matches() && !(r.group(1).isEmpty() && r.group(2).isEmpty())) {
                if (r.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(r.group(2)));
                } else {
                    start = Long.parseLong(r.group(1));
                    end = r.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(r.group(2)));
                }
                if (start >= size || start > end) {
                    return Response.status(416).header("Content-Range", "bytes */" + size).build();
                }
                partial = true;
            }
        }
        long length = end - start + 1;
        Response.ResponseBuilder r = Response.status(partial ? 206 : 200)
                .type("video/mp4")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", length)
                .header("Cache-Control", "private, max-age=" + Math.max(0, exp - clock.instant().getEpochSecond()))
                .header("Content-Disposition", "inline; filename=\"" + name + "\"");
        if (partial) {
            r.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        if (body) {
            long from = start;
            r.entity((StreamingOutput) out -> copy(file, from, length, out));
        }
        return r.build();
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
