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

    /** The account's generations created at or after {@code since}, whatever their status. */
    long countCreatedSince(String accountId, java.time.Instant since);

    long countByStatus(GenerationStatus status);

    /** The oldest queued jobs, in the order they are to run. */
    List<Generation> queued(int limit);

    List<Generation> byStatus(GenerationStatus status);

    /** Queued jobs created before this one, all accounts: the queue ahead of it. */
    List<Generation> queuedBefore(Instant createdAt, String id);

    long countQueuedBefore(Instant createdAt, String id);

    /**
     * An account's generations that its owner has not deleted, oldest or newest first, after the one with id
     * {@code after} in that order when given.
     */
    List<Generation> list(String accountId, boolean ascending, Generation after, int limit);

    /** Completed jobs whose output passed its expiry. */
    List<Generation> expiredOutputs(Instant now, int limit);

    /** Render times (ms) of the latest completed jobs on this engine at this frame size. */
    List<Long> recentRenderTimes(String engine, int width, int height, int limit);

    /** All accounts' generations, newest first, for the console's lazy grid. */
    List<Generation> pageAll(int offset, int limit);

    long countAll();

    /** How many generations created since then are in each status. */
    java.util.Map<GenerationStatus, Long> countByStatusSince(Instant since);

    /** When each generation since then was created, and its status: the dashboard buckets them by hour. */
    List<Object[]> createdAndStatusSince(Instant since);

    /** Render time (ms) of the generations that finished since then. */
    long renderMsSince(Instant since);

    /** Bytes of the clips kept on disk (completed, not expired). */
    long storedOutputBytes();

    /** An account's generations, newest first, older than the cursor when given. */
    List<Generation> page(String accountId, GenerationStatus status, Instant beforeCreatedAt, String beforeId, int limit);

    /** Clips an account asked for per day since then (days of the appliance's time zone); days without any are absent. */
    java.util.Map<java.time.LocalDate, Long> clipsPerDay(String accountId, Instant since);
}
