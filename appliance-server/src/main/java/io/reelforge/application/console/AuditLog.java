package io.reelforge.application.console;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.console.AuditEntry;
import io.reelforge.domain.model.console.AuditQuery;
import io.reelforge.domain.model.console.AuditRepository;

/** The append-only record of console actions and key creation/revocation; there is no way to edit it. */
@ApplicationScoped
@Transactional
public class AuditLog {

    /** {@code targetName}: the account's or console user's name when {@code target} is one of those, else null. */
    public record AuditView(Instant at, String actor, String action, String target, String targetName, String detail,
                            String sourceAddress) {
    }

    @Inject
    AuditRepository entries;

    @Inject
    Clock clock;

    /**
     * Joins the caller's transaction: an action that rolls back leaves no audit line, one that commits does. The
     * source address is the current request's (empty for the system's own actions).
     */
    public void record(String actor, String action, String target, String detail) {
        entries.append(new AuditEntry(actor, action, target, detail, ConsoleSubject.address().orElse(null), clock.instant()));
    }

    public List<AuditView> page(AuditQuery query, int offset, int limit) {
        ConsoleSubject.require("audit:read");
        return views(entries.page(query, offset, limit));
    }

    public long count(AuditQuery query) {
        ConsoleSubject.require("audit:read");
        return entries.count(query);
    }

    /**
     * Writes the matching lines as CSV, newest first: one query read through a database cursor (in one
     * transaction), {@link Csv#BATCH} lines at a time, each batch written and forgotten before the next is read, so
     * nothing accumulates however long the log is.
     */
    public void exportCsv(AuditQuery query, Writer out) {
        ConsoleSubject.require("audit:read");
        Csv csv = new Csv(out).row("time_utc", "actor", "action", "target", "target_name", "detail", "source_address");
        entries.eachNewestFirst(query, Csv.BATCH, batch -> views(batch).forEach(v ->
                csv.row(v.at(), v.actor(), v.action(), v.target(), v.targetName(), v.detail(), v.sourceAddress())));
    }

    private List<AuditView> views(List<AuditEntry> page) {
        Map<String, String> names = entries.namesOf(page.stream().map(AuditEntry::target).filter(Objects::nonNull)
                .distinct().toList());
        return page.stream().map(e -> new AuditView(e.at(), e.actor(), e.action(), e.target(),
                e.target() == null ? null : names.get(e.target()), e.detail(), e.sourceAddress())).toList();
    }
}
