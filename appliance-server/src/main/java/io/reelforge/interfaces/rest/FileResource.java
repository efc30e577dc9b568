package io.reelforge.interfaces.rest;

import java.io.IOException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.reelforge.application.GenerationService;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.shared.ErrorType;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.storage.UrlSigner;

/**
 * {@code /v1/files/<id>.mp4?expires=..&signature=..} (and {@code <id>.jpg}, the poster frame): the clips, behind
 * signed expiring URLs, with single byte ranges for players and resumable downloads.
 */
@jakarta.ws.rs.Path("v1/files")
@Tag(name = "files", description = "Clips behind signed, expiring URLs")
@SecurityRequirementsSet
public class FileResource {

    private static final Pattern NAME = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(mp4|jpg)");

    @Inject
    UrlSigner signer;

    @Inject
    GenerationService generations;

    @Inject
    Clock clock;

    @GET
    @jakarta.ws.rs.Path("{name}")
    @Operation(operationId = "downloadFile", summary = "Download a clip",
            description = "No API key: the HMAC signature authorises the URL until expires. Single byte ranges are served (206).")
    @APIResponse(responseCode = "200", description = "The MP4.", headers = {
            @Header(name = "Accept-Ranges", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER))},
            content = @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested byte range.",
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = "video/mp4", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "A changed or unsigned URL (url_signature_invalid) or an old one (url_expired).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "404", description = "No such clip: file.not_found.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "410", description = "The clip was deleted under the retention policy: output_expired.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    @APIResponse(responseCode = "416", description = "The range is outside the file: range_not_satisfiable.",
            headers = @Header(name = "Content-Range", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR)))
    public Response get(
            @Parameter(description = "<generation_id>.mp4", required = true) @PathParam("name") String name,
            @Parameter(description = "Unix seconds; part of the signed URL.", required = true) @QueryParam("expires") String expires,
            @Parameter(description = "HMAC of path and expires; part of the signed URL.", required = true)
            @QueryParam("signature") String signature,
            @Parameter(description = "bytes=start-end", schema = @Schema(type = SchemaType.STRING)) @HeaderParam("Range") String range)
            throws IOException {
        return serve(name, expires, signature, range, true);
    }

    @HEAD
    @jakarta.ws.rs.Path("{name}")
    // GET's headers without the body, as HTTP defines HEAD; documented once, under GET.
    @Operation(hidden = true)
    public Response head(@PathParam("name") String name, @QueryParam("expires") String expires,
                         @QueryParam("signature") String signature, @HeaderParam("Range") String range) throws IOException {
        return serve(name, expires, signature, range, false);
    }

    private Response serve(String name, String expires, String signature, String range, boolean body) throws IOException {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw ReelforgeException.notFound("file", name);
        }
        ClipFile kind = ClipFile.ofExtension(m.group(2)).orElseThrow();
        long exp;
        try {
            exp = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ReelforgeException(ErrorType.PERMISSION, "url_signature_invalid",
                    "This file URL is not signed. Get a fresh output_url from GET /v1/video/{id}.");
        }
        switch (signer.verify(kind.urlPath(m.group(1)), exp, signature, clock.instant())) {
            case BAD_SIGNATURE -> throw new ReelforgeException(ErrorType.PERMISSION, "url_signature_invalid",
                    "This file URL's signature does not match. Get a fresh output_url from GET /v1/video/{id}.");
            case EXPIRED -> {
                // A genuine URL past its time: if the clip itself is gone, say so (410) rather than "expired link".
                generations.output(m.group(1), kind);
                throw new ReelforgeException(ErrorType.PERMISSION, "url_expired",
                        "This file URL has expired. Get a fresh output_url from GET /v1/video/{id}.");
            }
            case VALID -> { }
        }
        Path file = generations.output(m.group(1), kind);
        return RangedFile.serve(file, kind.mediaType(), name, range, body)
                .header("Cache-Control", "private, max-age=" + Math.max(0, exp - clock.instant().getEpochSecond()))
                .build();
    }
}
