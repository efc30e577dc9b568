package io.reelforge.application.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.RenderLifecycle;
import io.reelforge.domain.model.generation.Generation;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.generation.GenerationStatus;
import io.reelforge.domain.shared.ReelforgeException;
import io.reelforge.infrastructure.config.Settings;
import io.reelforge.infrastructure.storage.UrlSigner;
import io.reelforge.interfaces.rest.FileResource;

/** Every account's generations, a page at a time, and cancel with the usual refund. */
@ApplicationScoped
@Transactional
public class GenerationAdmin {

    public record GenerationRow(String id, String accountId, String status, String prompt, String resolution,
                                int durationSeconds, String engine, long credits, Instant createdAt,
                                Instant finishedAt, String errorCode) {
    }

    @Inject
    GenerationRepository generations;

    @Inject
    RenderLifecycle lifecycle;

    @Inject
    UrlSigner signer;

    @Inject
    Settings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public List<GenerationRow> page(int offset, int limit) {
        ConsoleSubject.require("generations:read");
        return generations.pageAll(offset, limit).stream().map(GenerationAdmin::row).toList();
    }

    public long count() {
        ConsoleSubject.require("generations:read");
        return generations.countAll();
    }

    /**
     * A signed, host-relative URL of the clip for the console's player (the browser is on this host already);
     * empty unless the clip is completed.
     */
    public Optional<String> outputUrl(String generationId) {
        ConsoleSubject.require("generations:read");
        Generation g = generations.find(generationId).orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        if (g.status() != GenerationStatus.COMPLETED) {
            return Optional.empty();
        }
        Instant expiry = clock.instant().plus(settings.outputUrlTtl());
        if (g.expiresAt() != null && g.expiresAt().isBefore(expiry)) {
            expiry = g.expiresAt();
        }
        String path = FileResource.pathOf(g.id());
        return Optional.of(path + "?expires=" + expiry.getEpochSecond() + "&signature=" + signer.sign(path, expiry.getEpochSecond()));
    }

    public void cancel(String generationId) {
        String actor = ConsoleSubject.require("generations:cancel");
        Generation g = generations.find(generationId).orElseThrow(() -> ReelforgeException.notFound("generation", generationId));
        lifecycle.cancel(g.accountId(), generationId);
        audit.record(actor, "generations:cancel", generationId, "account " + g.accountId());
    }

    private static GenerationRow row(Generation g) {
        return new GenerationRow(g.id(), g.accountId(), g.status().wireName(), g.prompt(), g.resolution(),
                g.durationSeconds(), g.engine(), g.creditsSpent(), g.createdAt(), g.finishedAt(), g.errorCode());
    }
}
