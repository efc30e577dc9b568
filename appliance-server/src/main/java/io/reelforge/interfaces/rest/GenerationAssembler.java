package io.reelforge.interfaces.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.reelforge.application.Estimator;
import io.reelforge.application.FileLinks;
import io.reelforge.application.GenerationService;
import io.reelforge.domain.model.generation.ClipFile;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.infrastructure.config.Settings;

/** Builds {@link GenerationDto}s: derived numbers (credits used, estimates) and a freshly signed output URL. */
@ApplicationScoped
public class GenerationAssembler {

    @Inject
    Estimator estimator;

    @Inject
    GenerationService generations;

    @Inject
    FileLinks links;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    public GenerationDto toDto(Generation g, URI baseUri) {
        return toDto(g, generations.queuePosition(g), baseUri);
    }

    /** With the queue position already read (live status reads it once for all its clients). */
    public GenerationDto toDto(Generation g, Integer queuePosition, URI baseUri) {
        Instant now = clock.instant();
        long processing = g.processingMs() != null ? g.processingMs()
                : g.startedAt() != null ? Duration.between(g.startedAt(), now).toMillis() : 0;
        String nativeSize = g.nativeWidth() > 0 ? g.nativeWidth() + "x" + g.nativeHeight() : null;
        boolean finished = g.status() == GenerationStatus.COMPLETED || g.status() == GenerationStatus.EXPIRED;
        return new GenerationDto(g.id(), g.status().wireName(), queuePosition, estimator.secondsToFinish(g),
                g.progress(), g.creditsSpent(), processing, fileUrl(g, ClipFile.VIDEO, baseUri, now),
                fileUrl(g, ClipFile.THUMBNAIL, baseUri, now), g.expiresAt(),
                g.errorCode(), g.errorMessage(), g.createdAt(), g.startedAt(), g.finishedAt(), g.engine(),
                g.model(), g.modelVersion(), nativeSize, finished ? g.steps() : null, finished ? g.upscaled() : null,
                g.mode().name().toLowerCase(Locale.ROOT), g.attempts(),
                new GenerationDto.RequestEcho(g.prompt(), g.negativePrompt(), g.resolution(), g.aspectRatio(), g.durationSeconds(),
                        g.cameraFixed(), g.seed(), g.inputImagePath() != null, g.width(), g.height(), g.fps(), g.frameCount()));
    }

    /** A freshly signed URL to the clip or its poster frame while the generation is completed, else null. */
    public String fileUrl(Generation g, ClipFile file, URI baseUri, Instant now) {
        String base = settings.publicUrl().map(u -> u.replaceAll("/+$", "")).orElse(baseUri.toString().replaceAll("/+$", ""));
        return links.signedPath(g, file, now).map(p -> base + p).orElse(null);
    }
}
