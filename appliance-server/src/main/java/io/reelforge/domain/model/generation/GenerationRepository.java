package io.reelforge.domain.model.generation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface GenerationRepository {

    void store(Generation generation);

    Optional<Generation> find(String id);

    /** Finds the generation and holds its row lock until the transaction ends. */
    Optional<Generation> lockForUpdate(String id);

    List<Generation> inFlight(String accountId);

    long countInFlight(String accountId);

    long countByStatus(GenerationStatus status);

    /** The oldest queued jobs, in the order they are to run. */
    List<Generation> queued(int limit);

    List<Generation> byStatus(GenerationStatus status);

    /** Queued jobs created before this one, all accounts: the queue ahead of it. */
    List<Generation> queuedBefore(Instant createdAt, String id);

    /** Completed jobs whose output passed its expiry. */
    List<Generation> expiredOutputs(Instant now, int limit);

    /** Render times (ms) of the latest completed jobs on this engine at this resolution. */
    List<Long> recentRenderTimes(String engine, String resolution, int limit);

    /** All accounts' generations, newest first, for the console's lazy grid. */
    List<Generation> pageAll(int offset, int limit);

    long countAll();

    /** How many generations created since then are in each status. */
    java.util.Map<GenerationStatus, Long> countByStatusSince(Instant since);

    /** An account's generations, newest first, older than the cursor when given. */
    List<Generation> page(String accountId, GenerationStatus status, Instant beforeCreatedAt, String beforeId, int limit);
}
