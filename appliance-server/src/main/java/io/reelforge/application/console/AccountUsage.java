package io.reelforge.application.console;

import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.reelforge.domain.model.account.AccountRepository;
import io.reelforge.domain.model.generation.GenerationRepository;
import io.reelforge.domain.model.ledger.LedgerEntry;
import io.reelforge.domain.model.ledger.LedgerQuery;
import io.reelforge.domain.model.ledger.LedgerRepository;
import io.reelforge.domain.shared.ReelforgeException;

/**
 * One account's usage for the console: clips and credits spent per day (summed by the database), and its ledger,
 * filtered, a page at a time or streamed as CSV.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountUsage {

    /** The longest period one chart shows. */
    public static final int MAX_DAYS = 366;

    /** {@code credits}: debits less refunds that day. */
    public record DayUsage(LocalDate day, long clips, long credits) {
    }

    /** {@code zone}: whose days they are (the appliance's time zone, UTC on an installed appliance). */
    public record Usage(String accountId, String accountName, String zone, List<DayUsage> days) {

        public long clips() {
            return days.stream().mapToLong(DayUsage::clips).sum();
        }

        public long credits() {
            return days.stream().mapToLong(DayUsage::credits).sum();
        }
    }

    public record LedgerRow(String id, Instant at, String kind, long amount, String reason, String actor,
                            String generationId) {
    }

    @Inject
    AccountRepository accounts;

    @Inject
    GenerationRepository generations;

    @Inject
    LedgerRepository ledger;

    @Inject
    Clock clock;

    /** The last {@code days} days, today included, oldest first, days without use as zeros. */
    public Usage usage(String accountId, int days) {
        ConsoleSubject.require("ledger:read");
        if (days < 1 || days > MAX_DAYS) {
            throw ReelforgeException.validation("days", "usage.days", "Show 1 to " + MAX_DAYS + " days.");
        }
        String name = accounts.find(accountId).orElseThrow(() -> ReelforgeException.notFound("account", accountId)).name();
        // The database groups stored timestamps by their date, and they are stored in the JVM's zone.
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(days - 1L);
        Instant since = first.atStartOfDay(zone).toInstant();
        Map<LocalDate, Long> clips = generations.clipsPerDay(accountId, since);
        Map<LocalDate, Long> credits = ledger.spentPerDay(accountId, since);
        List<DayUsage> all = new ArrayList<>(days);
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            all.add(new DayUsage(d, clips.getOrDefault(d, 0L), credits.getOrDefault(d, 0L)));
        }
        return new Usage(accountId, name, zoneName(zone), all);
    }

    public List<LedgerRow> ledger(LedgerQuery query, int offset, int limit) {
        ConsoleSubject.require("ledger:read");
        return ledger.search(query, offset, limit).stream().map(AccountUsage::row).toList();
    }

    public long count(LedgerQuery query) {
        ConsoleSubject.require("ledger:read");
        return ledger.count(query);
    }

    /**
     * The matching entries as CSV, newest first: one query read through a database cursor (so in a transaction),
     * {@link Csv#BATCH} entries at a time, each batch written and forgotten before the next is read.
     */
    @Transactional
    public void exportCsv(LedgerQuery query, Writer out) {
        ConsoleSubject.require("ledger:read");
        Csv csv = new Csv(out).row("time_utc", "kind", "credits", "reason", "actor", "generation_id", "entry_id");
        ledger.eachNewestFirst(query, Csv.BATCH, batch -> batch.stream().map(AccountUsage::row).forEach(r ->
                csv.row(r.at(), r.kind(), r.amount(), r.reason(), r.actor(), r.generationId(), r.id())));
    }

    private static LedgerRow row(LedgerEntry e) {
        return new LedgerRow(e.id(), e.createdAt(), e.kind().name().toLowerCase(Locale.ROOT), e.amount(), e.reason(),
                e.actor(), e.generationId());
    }

    private static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
