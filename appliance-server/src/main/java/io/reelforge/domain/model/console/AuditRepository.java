package io.reelforge.domain.model.console;

import java.util.List;

public interface AuditRepository {

    void append(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> page(int offset, int limit);

    long count();
}
