package io.reelforge.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.application.LiveStatus.Snapshot;
import io.reelforge.domain.model.generation.GenerationRepository;

/**
 * The reads behind live status, each in its own transaction: they run on the container's managed threads,
 * where a read outside a transaction leaves the persistence context to a cleanup that races the thread's reuse.
 */
@ApplicationScoped
@Transactional
public class LiveReads {

    @Inject
    GenerationRepository generations;

    @Inject
    GenerationService service;

    /** One of this account's generations now (404 for another's). */
    public Snapshot current(String accountId, String generationId) {
        var g = service.find(accountId, generationId);
        return new Snapshot(g, service.queuePosition(g));
    }

    /** Any generation now, for the clients already watching it; empty once it is gone. */
    public Optional<Snapshot> current(String generationId) {
        return generations.find(generationId).map(g -> new Snapshot(g, service.queuePosition(g)));
    }
}
