package io.reelforge.domain.model.generation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public interface GenerationRepository {

    void store(Generation generation);

    Optional<Generation> find(String id);

    /** The account a generation belongs to (it never changes), read without a lock. */
    Optional<String> accountOf(String id);

    /** Finds the generation and holds its row lock until the transaction ends. */
    Optional<Generation> lockForUpdate(String id);

    List<Generation> inFlight(String accountId);

    /** The generation submitted under this idempotency key (the hash of account and key), if one is bound to it. */
    Optional<Generation> findByIdempotencyKey(String idempotencyKey);

    /**
     * Frees an idempotency key from a generation created at or before {@code createdBefore} (its answer has outlived
     * the key's time to live), so the key can name a new request; returns how many rows it freed.
     */
    int releaseIdempotencyKey(String idempotencyKey, Instant createdBefore);

    long countInFlight(String accountId);

    /** The account's generations created at or after {@code since}, whatever their status. */
    long countCreatedSince(String accountId, java.time.Instant since);

    long countByStatus(GenerationStatus status);

    /**
     * Locks and returns up to {@code limit} of the oldest queued jobs that no other transaction holds, in one
     * statement ({@code FOR UPDATE SKIP LOCKED} where the database has it), so two nodes never claim one job.
     */
    List<Generation> lockQueued(int limit);

    /** How many jobs this node is rendering (its busy slots). */
    long countProcessingOn(String node);

    /** The ids of the jobs this node claimed and that are still processing (and of any from before nodes were recorded). */
    List<String> processingOnOrUnclaimed(String node);

    /** The ids of processing jobs whose node is not a live member of the cluster at {@code now}. */
    List<String> processingWithoutLiveNode(java.time.Instant now);

    /** Of these ids, those still processing on this node. */
    List<String> stillProcessingOn(String node, java.util.Collection<String> ids);

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

    /** A finished render's time and how many renders ran at once during it (1 for rows from before it was kept). */
    record RenderTime(long ms, int concurrency) {
    }

    /** Render times of the latest completed jobs on this engine at this frame size, newest first. */
    List<RenderTime> recentRenderTimes(String engine, int width, int height, int limit);


    /** A page of the generations that match, in the query's order, each with its account's name. */
    List<GenerationListing> search(GenerationQuery query, int offset, int limit);

    long count(GenerationQuery query);

    /**
     * Every match newest first (ties on the creation time by id, descending; the query's own order is not used), with
     * its account's name, handed to {@code action} {@code batchSize} at a time: one query read through a database
     * cursor, so the database sorts once however many match, and each batch is forgotten (detached) before the next
     * is read, so memory holds one batch. Within a transaction, whose persistence context it clears as it goes.
     */
    void eachNewestFirst(GenerationQuery query, int batchSize, Consumer<List<GenerationListing>> action);

    /** Engines, models and versions of the jobs rendering now or finished since then, with how many of each. */
    List<Object[]> modelsInUseSince(Instant since);

    /** How many generations finished since then, and how many of those failed. */
    long[] finishedAndFailedSince(Instant since);

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
