package io.reelforge.domain.model.console;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

public interface AuditRepository {

    void append(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> page(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** Newest first, strictly older than the cursor when one is given: for reading the whole set in batches. */
    List<AuditEntry> after(AuditQuery query, Instant beforeAt, String beforeId, int limit);

    /** The names of those ids that are accounts or console users (id to account name or user name). */
    Map<String, String> namesOf(Collection<String> ids);
}
