package io.reelforge.interfaces.rest;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.reelforge.domain.model.generation.Generation;

/** Builds {@link OpenAiVideoDto}s: the native statuses folded into OpenAI's four. */
@ApplicationScoped
public class OpenAiVideoAssembler {

    public OpenAiVideoDto toDto(Generation g) {
        String status = switch (g.status()) {
            case QUEUED -> "queued";
            case PROCESSING -> "in_progress";
            // An expired clip did complete; its expires_at has passed and its content answers 410.
            case COMPLETED, EXPIRED -> "completed";
            case FAILED, CANCELED -> "failed";
        };
        OpenAiVideoDto.Error error = "failed".equals(status)
                ? new OpenAiVideoDto.Error(g.errorCode(), g.errorMessage()) : null;
        return new OpenAiVideoDto(g.id(), "video", g.engine(), status, (int) Math.round(g.progress() * 100),
                g.createdAt().getEpochSecond(), epoch(g.finishedAt()), epoch(g.expiresAt()), g.prompt(),
                String.valueOf(g.durationSeconds()), g.width() + "x" + g.height(), null, error);
    }

    private static Long epoch(Instant t) {
        return t == null ? null : t.getEpochSecond();
    }
}
