package io.reelforge.domain.model.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

public interface AuditRepository {

    void append(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> page(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /**
     * Every match newest first, handed to {@code action} {@code batchSize} at a time: one query read through a
     * database cursor, each batch forgotten before the next is read. Within a transaction, whose persistence context
     * it clears as it goes.
     */
    void eachNewestFirst(AuditQuery query, int batchSize, Consumer<List<AuditEntry>> action);

    /** The names of those ids that are accounts or console users (id to account name or user name). */
    Map<String, String> namesOf(Collection<String> ids);
}
