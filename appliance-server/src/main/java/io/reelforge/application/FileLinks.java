package io.reelforge.application;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;

/**
 * Signed links to a generation's clip and poster frame, for the API and the console alike: only while the
 * generation is completed, valid for the configured time but never past the clip's own expiry.
 */
@ApplicationScoped
public class FileLinks {

    @Inject
    UrlSignature signature;

    /** {@code /v1/files/<id>.mp4?expires=..&signature=..} (or {@code .jpg}), relative to the appliance's base URL; empty unless completed. */
    public Optional<String> signedPath(Generation g, ClipFile file, Instant now) {
        if (g.status() != GenerationStatus.COMPLETED) {
            return Optional.empty();
        }
        Instant expiry = now.plus(signature.ttl());
        if (g.expiresAt() != null && g.expiresAt().isBefore(expiry)) {
            expiry = g.expiresAt();
        }
        String path = file.urlPath(g.id());
        long exp = expiry.getEpochSecond();
        return Optional.of(path + "?expires=" + exp + "&signature=" + signature.sign(path, exp));
    }
}
