package io.reelforge.domain.model.idempotency;

import java.time.Instant;
import java.util.Optional;

public interface IdempotencyRepository {

    Optional<IdempotencyRecord> lock(String id);

    void store(IdempotencyRecord record);

    /** Stores it now, so a concurrent first use of the same key fails here rather than at commit. */
    void storeNow(IdempotencyRecord record);

    void delete(IdempotencyRecord record);

    /** Writes pending changes now. */
    void flush();

    int deleteExpired(Instant now);
}
