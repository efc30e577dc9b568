package io.reelforge.application.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditRepository;

/** The append-only record of console actions and key creation/revocation; there is no way to edit it. */
@ApplicationScoped
@Transactional
public class AuditLog {

    public record AuditView(Instant at, String actor, String action, String target, String detail) {
    }

    @Inject
    AuditRepository entries;

    @Inject
    Clock clock;

    /** Joins the caller's transaction: an action that rolls back leaves no audit line, one that commits does. */
    public void record(String actor, String action, String target, String detail) {
        entries.append(new AuditEntry(actor, action, target, detail, clock.instant()));
    }

    public List<AuditView> page(int offset, int limit) {
        ConsoleSubject.require("audit:read");
        return entries.page(offset, limit).stream()
                .map(e -> new AuditView(e.at(), e.actor(), e.action(), e.target(), e.detail())).toList();
    }

    public long count() {
        ConsoleSubject.require("audit:read");
        return entries.count();
    }
}
